package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.events.RunListener;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import app.slipway.core.stack.StackState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The restore drill: proof that a backup's database dump restores. Its sha256 is checked, then it is
 * restored with the very {@code pg_restore} options {@code rollback --restore-database} uses (without
 * the live cluster's roles' privileges) into a throwaway PostgreSQL container of the stack's own
 * database image on the target ({@link DrillContainer}: no network, removed whatever happens), and
 * every table's row count there is compared with the count taken in the dump's own snapshot
 * ({@link DatabaseEntry#rowCounts()}). The stack itself is never touched.
 *
 * <p>A damaged dump, one pg_restore cannot read, or rows that differ make a failed drill — a result,
 * recorded under {@code drill} in the backup's manifest (rewritten atomically; the files and their
 * checksums are untouched). What keeps the drill from running at all (no dump, an engine that will
 * not start the container) is a refusal instead, and nothing is recorded.
 */
public final class RestoreDrill {
    static final Duration READY_BUDGET = Duration.ofSeconds(120);
    private static final int MISMATCHES_SAID = 3;

    private final Clock clock;

    public RestoreDrill() {
        this(Clock.systemUTC());
    }

    public RestoreDrill(Clock clock) {
        this.clock = clock;
    }

    /** The drill of the backup {@code backupId} of the stack ({@code slipway backup --verify ID}). */
    public DrillResult run(Connection connection, StackState stack, String backupId, RunListener listener) {
        Backup backup = new BackupCatalog().find(connection.target(), stack.files().directory(), backupId);
        return run(connection, stack, backup, listener);
    }

    /** The drill of {@code backup}; its result is also written into the backup's manifest. */
    public DrillResult run(Connection connection, StackState stack, Backup backup, RunListener listener) {
        DatabaseEntry db = drillable(backup);
        Target target = connection.target();
        LoggedCommands commands = LoggedCommands.forStack(target, stack, listener, "drill");
        Instant at = clock.instant();
        long started = System.nanoTime();
        commands.log("Restore drill of backup " + backup.id() + ": database " + db.database() + " from "
                + backup.pathOf(db.file()));
        Finding finding = damage(target, backup, db)
                .map(Finding::failed)
                .orElseGet(() -> restoreAndCount(connection, stack, backup, db, commands));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        DrillResult result = finding.result(backup.id(), db, at, took);
        record(target, backup, result);
        commands.log(result.summary());
        return result;
    }

    /**
     * After a backup, when the profile asks ({@code backup.verify}): the drill of a backup that holds a
     * dump of the stack's own database. A failed drill is a refusal — the run stops before any change.
     *
     * @return the backup, its manifest as it now is
     */
    public static Backup ifAsked(Connection connection, StackState stack, Backup backup, RunListener listener) {
        if (!stack.backupSpec().verify()) return backup;
        Optional<DatabaseEntry> db = backup.manifest().database();
        if (db.isEmpty() || db.get().service().isEmpty()) {
            LoggedCommands.forStack(connection.target(), stack, listener, "drill").log("No restore drill: backup "
                    + backup.id() + (db.isEmpty() ? " holds no database dump" : " holds a dump of a database outside the stack"));
            return backup;
        }
        DrillResult result = new RestoreDrill().run(connection, stack, backup, listener);
        if (!result.passed()) {
            String said = result.summary().endsWith(".")
                    ? result.summary().substring(0, result.summary().length() - 1) : result.summary();
            throw SlipwayException.refused(said + "; the run stops here, before any change, as backup.verify in the"
                    + " profile asks: look into the database and the backup before trying again.");
        }
        return new Backup(backup.id(), backup.path(), backup.manifest().withDrill(result));
    }

    /** The plan's line for the drill, when the profile asks for one after each backup. */
    public static Optional<String> planDetail(StackState stack) {
        var spec = stack.backupSpec();
        if (!spec.verify() || spec.postgres().isEmpty() || spec.postgres().get().isExternal()) return Optional.empty();
        return Optional.of("A restore drill (backup.verify): the dump restored into a throwaway container of service "
                + spec.postgres().get().service() + "'s image, without network, and every table's row count compared"
                + " with the database's when it was dumped; a failed drill stops the run here.");
    }

    private static DatabaseEntry drillable(Backup backup) {
        DatabaseEntry db = backup.manifest().database().orElseThrow(() -> SlipwayException.badInput("Backup "
                + backup.id() + " holds no database dump, so there is nothing for a restore drill to restore."));
        if (db.service().isEmpty()) {
            throw SlipwayException.badInput("Backup " + backup.id() + " holds a dump of a database outside the stack,"
                    + " and the restore drill runs only the stack's own database image: restore "
                    + backup.pathOf(db.file()) + " into a scratch database by hand to check it.");
        }
        return db;
    }

    /** What is wrong with the dump file itself, checked on the target: missing, or not the bytes the manifest names. */
    private static Optional<String> damage(Target target, Backup backup, DatabaseEntry db) {
        Optional<BackupFile> listed = backup.manifest().file(db.file());
        if (listed.isEmpty()) return Optional.of("its manifest lists no file " + db.file());
        Optional<FileInfo> info = target.stat(backup.pathOf(db.file()));
        if (info.isEmpty()) return Optional.of("its dump " + backup.pathOf(db.file()) + " is missing");
        String sum = Checksums.sha256(target, backup.path(), List.of(db.file())).get(db.file());
        if (info.get().size() != listed.get().size() || !listed.get().sha256().equals(sum)) {
            return Optional.of("its dump " + db.file() + " no longer matches the size and sha256 in its manifest,"
                    + " so it changed or was damaged after the backup");
        }
        return Optional.empty();
    }

    private static Finding restoreAndCount(Connection connection, StackState stack, Backup backup, DatabaseEntry db,
                                           LoggedCommands commands) {
        DrillImage image = DrillImage.choose(connection, stack, backup, db);
        String directory = connection.target().absolute(stack.files().directory());
        commands.log("Starting a throwaway PostgreSQL container from " + image.display() + ", without network");
        try (DrillContainer container = DrillContainer.start(commands, image.id(), backup.id(), directory)) {
            container.awaitReady(READY_BUDGET);
            prepare(container, db, commands);
            commands.log("Restoring the dump into it");
            ExecResult restored = commands.run(container.exec(true, List.of("pg_restore", "-U", DrillContainer.SUPERUSER,
                            "-d", DrillContainer.DATABASE, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                            "--single-transaction"))
                    .readingFrom(backup.pathOf(db.file())));
            if (!restored.ok()) {
                return Finding.failed("pg_restore could not restore its dump (" + commands.lastWords(restored) + ")")
                        .from(image);
            }
            ExecResult counted = commands.run(container.exec(true, List.of("psql", "-X", "-q", "-A", "-t",
                    "-v", "ON_ERROR_STOP=1", "-U", DrillContainer.SUPERUSER, "-d", DrillContainer.DATABASE))
                    .feeding(RowCounts.QUERY));
            if (!counted.ok()) {
                throw SlipwayException.refused("Counting the rows of the restored copy of backup " + backup.id()
                        + " failed (" + commands.lastWords(counted) + "): run the drill again.");
            }
            return Finding.compared(db.rowCounts(), RowCounts.parseAll(counted.stdout())).from(image);
        }
    }

    /**
     * The database to restore into, and the dump's role, so what names it (a policy, a function's
     * owner) finds it; privileges are not restored, the live cluster's other roles are not needed.
     */
    private static void prepare(DrillContainer container, DatabaseEntry db, LoggedCommands commands) {
        String script = "CREATE DATABASE " + DrillContainer.DATABASE + ";\n"
                + "DO $slipway$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + literal(db.user())
                + ") THEN CREATE ROLE " + identifier(db.user()) + "; END IF; END $slipway$;\n";
        ExecResult made = commands.run(container.exec(true, List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-U", DrillContainer.SUPERUSER, "-d", "postgres")).feeding(script));
        if (!made.ok()) {
            throw SlipwayException.refused("Preparing the restore drill's database failed (" + commands.lastWords(made)
                    + "): check the database image, then run the drill again.");
        }
    }

    /** Writes the result into the backup's manifest, atomically, every other key kept. */
    private static void record(Target target, Backup backup, DrillResult result) {
        String path = backup.pathOf(BackupManifest.FILE_NAME);
        byte[] updated;
        try {
            updated = ManifestJson.withDrill(target.readFile(path), result);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.refused("The manifest " + path + " can no longer be read (" + e.getMessage()
                    + "), so the drill's result was not recorded: " + result.summary());
        }
        target.writeFileAtomically(path, updated, 0600);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** What the drill found, before it is dated and worded. */
    private record Finding(Optional<String> problem, int tablesCompared, long rowsRestored, List<RowMismatch> mismatches,
                           boolean countsRecorded, String image) {
        static Finding failed(String problem) {
            return new Finding(Optional.of(problem), 0, 0, List.of(), true, "");
        }

        static Finding compared(Optional<Map<String, Long>> atDump, Map<String, Long> restored) {
            long rows = restored.values().stream().mapToLong(Long::longValue).sum();
            if (atDump.isEmpty()) return new Finding(Optional.empty(), 0, rows, List.of(), false, "");
            var tables = new LinkedHashSet<>(atDump.get().keySet());
            tables.addAll(restored.keySet());
            var mismatches = new ArrayList<RowMismatch>();
            for (String table : tables) {
                Optional<Long> then = Optional.ofNullable(atDump.get().get(table));
                Optional<Long> now = Optional.ofNullable(restored.get(table));
                if (!then.equals(now)) mismatches.add(new RowMismatch(table, then, now));
            }
            Optional<String> problem = mismatches.isEmpty() ? Optional.empty()
                    : Optional.of(mismatches.size() + " of " + tables.size() + " tables hold other rows than when it was"
                    + " dumped (" + mismatches.stream().limit(MISMATCHES_SAID).map(RowMismatch::describe)
                    .collect(Collectors.joining("; ")) + (mismatches.size() > MISMATCHES_SAID ? "; …" : "") + ")");
            return new Finding(problem, tables.size(), rows, mismatches, true, "");
        }

        Finding from(DrillImage used) {
            return new Finding(problem, tablesCompared, rowsRestored, mismatches, countsRecorded, used.display());
        }

        DrillResult result(String backupId, DatabaseEntry db, Instant at, Duration took) {
            String summary;
            if (problem.isPresent()) {
                summary = "Backup " + backupId + " failed its restore drill: " + problem.get() + ".";
            } else if (!countsRecorded) {
                summary = "Backup " + backupId + "'s dump restored into a throwaway PostgreSQL container (" + rowsRestored
                        + " rows); the backup recorded no row counts of database " + db.database() + " to compare them with.";
            } else if (tablesCompared == 0) {
                summary = "Backup " + backupId + " passed its restore drill: its dump restored into a throwaway PostgreSQL"
                        + " container and, like database " + db.database() + " when it was dumped, holds no tables.";
            } else {
                summary = "Backup " + backupId + " passed its restore drill: its dump restored into a throwaway PostgreSQL"
                        + " container, and " + (tablesCompared == 1 ? "its one table holds the " + rowsRestored
                        + " rows it held" : "all " + tablesCompared + " tables hold the " + rowsRestored + " rows they held")
                        + " when it was dumped.";
            }
            return new DrillResult(backupId, problem.isEmpty(), at, took, image, tablesCompared, rowsRestored,
                    mismatches, summary);
        }
    }
}
