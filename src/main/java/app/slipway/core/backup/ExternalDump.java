package app.slipway.core.backup;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import app.slipway.core.profile.ExternalDatabase;
import app.slipway.core.profile.PostgresDump;
import app.slipway.core.stack.StackState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dumps and restores a database that lives outside the stack (Strata with an external
 * {@code DB_HOST}): {@code pg_dump -h} and {@code pg_restore -h} in a one-off client container on
 * the target, on the host's network. The password reaches the container through an env file
 * written for the moment in {@code DIR/.slipway} (mode 0600) — never a command line, never output.
 */
final class ExternalDump {
    static final String ENV_FILE = ".slipway/postgres-client.env";

    private ExternalDump() {}

    static DatabaseEntry dump(StackState stack, PostgresDump spec, String folder, LoggedCommands commands) {
        Map<String, String> env = stack.files().env().values();
        ExternalDatabase db = spec.external().orElseThrow();
        String database = spec.database(env);
        String file = folder + "/" + BackupNames.DUMP;
        commands.log("Dumping database " + database + " on " + db.host(env) + ":" + db.port(env) + " through a "
                + db.clientImage(env) + " container");
        ExecResult dumped = withPassword(commands.target(), stack, db, envFile -> commands.run(client(stack, spec, envFile,
                false, "exec pg_dump -h \"$1\" -p \"$2\" -U \"$3\" -Fc \"$4\"").writingTo(file)));
        if (!dumped.ok()) {
            throw SlipwayException.refused("Dumping database " + database + " on " + db.host(env) + " failed ("
                    + commands.lastWords(dumped) + "): check DB_HOST and its credentials in .env and backup.postgres in"
                    + " the profile, or run with --skip-backup.");
        }
        if (commands.target().stat(file).map(f -> f.size()).orElse(0L) == 0) {
            throw SlipwayException.refused("Dumping database " + database + " on " + db.host(env)
                    + " produced an empty file: check the database server, or run with --skip-backup.");
        }
        ExecResult listed = commands.run(Command.in(stack.files().directory(), List.of("docker", "run", "--rm", "-i",
                "--entrypoint", "pg_restore", db.clientImage(env), "-l")).readingFrom(file));
        if (!listed.ok() || !listed.stdout().contains("Format: CUSTOM")) {
            throw SlipwayException.refused("The dump of database " + database + " cannot be read back ("
                    + commands.lastWords(listed) + "): check the disk, or run with --skip-backup.");
        }
        commands.log("Dump checked: " + listed.stdout().lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count()
                + " entries");
        return new DatabaseEntry("", database, spec.user(env), BackupNames.DUMP);
    }

    static void restore(StackState stack, PostgresDump spec, Backup backup, DatabaseEntry entry, LoggedCommands commands) {
        Map<String, String> env = stack.files().env().values();
        ExternalDatabase db = spec.external().orElseThrow();
        commands.log("Restoring database " + entry.database() + " on " + db.host(env) + " from backup " + backup.id());
        ExecResult restored = withPassword(commands.target(), stack, db, envFile -> commands.run(client(stack, spec, envFile,
                true, "exec pg_restore -h \"$1\" -p \"$2\" -U \"$3\" -d \"$4\" --clean --if-exists --no-owner --single-transaction")
                .readingFrom(backup.pathOf(entry.file()))));
        if (!restored.ok()) {
            throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Restoring database " + entry.database() + " on "
                    + db.host(env) + " from backup " + backup.id() + " failed (" + commands.lastWords(restored)
                    + "); the database is as it was before the restore. The dump is " + backup.pathOf(entry.file()) + ".");
        }
        commands.log("Database " + entry.database() + " restored");
    }

    /** The client container: host network, the password from {@code envFile}; the script's arguments are not secret. */
    static Command client(StackState stack, PostgresDump spec, String envFile, boolean stdin, String script) {
        Map<String, String> env = stack.files().env().values();
        ExternalDatabase db = spec.external().orElseThrow();
        var argv = new ArrayList<>(List.of("docker", "run", "--rm"));
        if (stdin) argv.add("-i");
        argv.addAll(List.of("--network", "host", "--env-file", envFile, "--entrypoint", "sh", db.clientImage(env),
                "-c", script, "sh", db.host(env), db.port(env), spec.user(env), spec.database(env)));
        return Command.in(stack.files().directory(), argv);
    }

    /** Runs {@code body} with an env file holding only PGPASSWORD, removed again whatever happens. */
    private static ExecResult withPassword(Target target, StackState stack, ExternalDatabase db,
                                           Function<String, ExecResult> body) {
        String password = stack.files().env().get(db.passwordVariable()).orElse("");
        if (password.contains("\n")) {
            throw SlipwayException.badInput(db.passwordVariable() + " in .env spans lines: a database password cannot.");
        }
        String file = stack.files().directory() + "/" + ENV_FILE;
        target.mkdirs(stack.files().directory() + "/.slipway");
        target.writeFileAtomically(file, ("PGPASSWORD=" + password + "\n").getBytes(StandardCharsets.UTF_8), 0600);
        try {
            return body.apply(file);
        } finally {
            target.exec(Command.of("rm", "-f", "--", file));
        }
    }
}
