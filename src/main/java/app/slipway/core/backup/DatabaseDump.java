package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.PostgresDump;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * {@code pg_dump -Fc} through {@code compose exec -T}, written straight into the backup folder on
 * the target, then read back with {@code pg_restore -l}: a dump that cannot be listed is no backup.
 * Every failure here is a refusal — nothing of the stack has changed yet.
 */
final class DatabaseDump {
    private DatabaseDump() {}

    static DatabaseEntry dump(Connection connection, StackState stack, PostgresDump spec, String folder,
                              LoggedCommands commands) {
        Map<String, String> env = stack.files().env().values();
        if (spec.isExternal()) return ExternalDump.dump(stack, spec, folder, commands);
        String service = spec.service();
        String database = spec.database(env);
        String user = spec.user(env);
        String file = folder + "/" + BackupNames.DUMP;
        if (!InService.isRunning(connection, stack, service)) {
            throw SlipwayException.refused("The database service '" + service + "' is not running, so database "
                    + database + " cannot be dumped: start the stack and run again, or run with --skip-backup.");
        }
        commands.log("Dumping database " + database + " from service " + service);
        ExecResult dumped = commands.run(stack.compose()
                .execT(service, List.of("pg_dump", "-U", user, "-Fc", database)).writingTo(file));
        if (!dumped.ok()) {
            throw SlipwayException.refused("Dumping database " + database + " in service '" + service + "' failed ("
                    + commands.lastWords(dumped) + "): check backup.postgres in the profile, or run with --skip-backup.");
        }
        long size = commands.target().stat(file).map(f -> f.size()).orElse(0L);
        if (size == 0) {
            throw SlipwayException.refused("Dumping database " + database + " in service '" + service
                    + "' produced an empty file: check the database service's logs, or run with --skip-backup.");
        }
        check(stack, service, database, file, commands);
        return new DatabaseEntry(service, database, user, BackupNames.DUMP);
    }

    /** {@code pg_restore -l} reads the archive's table of contents; it fails on a truncated or foreign file. */
    private static void check(StackState stack, String service, String database, String file, LoggedCommands commands) {
        ExecResult listed = commands.run(stack.compose()
                .execT(service, List.of("pg_restore", "-l")).readingFrom(file));
        if (!listed.ok() || !listed.stdout().contains("Format: CUSTOM")) {
            throw SlipwayException.refused("The dump of database " + database + " cannot be read back ("
                    + commands.lastWords(listed) + "): check the database service's disk and logs, or run with --skip-backup.");
        }
        long entries = listed.stdout().lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
        // A database without any table is legitimate (a product before its first migration): its
        // archive is still a valid one, with only the header entries that -l does not list.
        commands.log(entries == 0
                ? "Dump checked: a valid archive; database " + database + " holds no tables or other objects yet"
                : "Dump checked: " + entries + " entries");
    }
}
