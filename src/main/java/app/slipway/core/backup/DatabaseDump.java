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
 *
 * <p>The app keeps serving while the dump runs, so the row counts a restore drill compares against
 * are taken in the dump's own snapshot: psql opens a repeatable-read transaction, exports its
 * snapshot, runs {@code pg_dump --snapshot} from inside ({@code \!}) and counts every table in the
 * same transaction ({@link RowCounts}). The counts go to stderr, the dump alone to stdout. An image
 * without psql gets the plain dump, without counts.
 */
final class DatabaseDump {
    /**
     * Run by {@code sh -c} in the database's container as {@code pg_dump USER DATABASE}: $0 is the dump
     * program. With psql there, psql reads {@link #IN_ONE_SNAPSHOT} from stdin; without, the plain dump.
     */
    private static final String WITH_COUNTS = "command -v psql >/dev/null 2>&1 || exec \"$0\" -U \"$1\" -Fc \"$2\"\n"
            + "export SLIPWAY_DUMP=\"$0\" SLIPWAY_USER=\"$1\" SLIPWAY_DATABASE=\"$2\"\n"
            + "exec psql -X -q -A -t -v ON_ERROR_STOP=1 -U \"$1\" -d \"$2\"";

    /**
     * psql's script: nothing but pg_dump writes to stdout ({@code \o} sends psql's own output
     * elsewhere), the counts go to stderr, and pg_dump's exit status follows them there, as
     * {@code \!} does not fail on it.
     */
    private static final String IN_ONE_SNAPSHOT = "\\o /dev/null\n"
            + "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n"
            + "SELECT pg_export_snapshot() AS slipway_snapshot \\gset\n"
            + "\\setenv SLIPWAY_SNAPSHOT :slipway_snapshot\n"
            + "\\! \"$SLIPWAY_DUMP\" --snapshot=\"$SLIPWAY_SNAPSHOT\" -U \"$SLIPWAY_USER\" -Fc \"$SLIPWAY_DATABASE\"; echo \"" + CountedDump.EXIT_MARK + "$?\" >&2\n"
            + "\\o | cat >&2\n"
            + RowCounts.QUERY
            + "\\o /dev/null\n"
            + "COMMIT;\n";

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
        commands.log("Dumping database " + database + " from service " + service
                + ", with every table's row count in the same snapshot");
        var counted = new CountedDump();
        ExecResult dumped = counted.run(commands, stack.compose().execT(service, List.of("sh", "-c", WITH_COUNTS,
                "pg_dump", user, database)).feeding(IN_ONE_SNAPSHOT).writingTo(file));
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
        counted.counts().ifPresentOrElse(
                counts -> commands.log("Row counts taken in the dump's snapshot: " + counts.size() + " tables, "
                        + counts.values().stream().mapToLong(Long::longValue).sum() + " rows"),
                () -> commands.log("No psql in service " + service + ": the dump has no row counts to drill against"));
        return new DatabaseEntry(service, database, user, BackupNames.DUMP, counted.counts());
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
