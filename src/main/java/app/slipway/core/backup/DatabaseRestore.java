package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunListener;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a backup's database dump back with {@code pg_restore --clean --if-exists --no-owner}, reading
 * the dump from the backup folder on the target. Runs in a single transaction: a restore that
 * fails halfway leaves the database as it was before the restore.
 *
 * <p>The caller stops the services that use the database first: {@code --clean} drops their
 * tables and would wait on their locks. The database service itself is started if it is not running.
 */
public final class DatabaseRestore {
    private static final Duration READY_BUDGET = Duration.ofSeconds(90);

    public void restore(Connection connection, StackState stack, Backup backup, RunListener listener) {
        DatabaseEntry db = backup.manifest().database().orElseThrow(() -> SlipwayException.badInput(
                "Backup " + backup.id() + " holds no database dump: restore without --restore-database."));
        LoggedCommands commands = LoggedCommands.forStack(connection.target(), stack, listener, "restore");
        if (db.service().isEmpty()) {
            var spec = stack.backupSpec().postgres().filter(p -> p.isExternal()).orElseThrow(() -> new SlipwayException(
                    ExitCode.ROLLBACK_FAILED, "Backup " + backup.id() + " holds a dump of an external database, and the"
                    + " profile names none for this stack now: restore " + backup.pathOf(db.file()) + " by hand with pg_restore."));
            ExternalDump.restore(stack, spec, backup, db, commands);
            return;
        }
        if (!InService.isRunning(connection, stack, db.service())) {
            startDatabase(stack, db, commands);
        }
        awaitReady(stack, db, commands);
        commands.log("Restoring database " + db.database() + " from backup " + backup.id());
        ExecResult restored = commands.run(stack.compose().execT(db.service(), List.of("pg_restore",
                        "-U", db.user(), "-d", db.database(), "--clean", "--if-exists", "--no-owner", "--single-transaction"))
                .readingFrom(backup.pathOf(db.file())));
        if (!restored.ok()) {
            throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Restoring database " + db.database() + " from backup "
                    + backup.id() + " failed (" + commands.lastWords(restored) + "); the database is as it was before"
                    + " the restore. The dump is " + backup.pathOf(db.file()) + ".");
        }
        commands.log("Database " + db.database() + " restored");
    }

    private static void startDatabase(StackState stack, DatabaseEntry db, LoggedCommands commands) {
        commands.log("Starting service " + db.service() + " to restore the database into it");
        ExecResult up = commands.run(stack.compose().upNoDeps(db.service()));
        if (!up.ok()) {
            throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Starting the database service '" + db.service()
                    + "' failed (" + commands.lastWords(up) + "), so the database was not restored: check `"
                    + stack.compose().cli().flavor().displayName()
                    + " logs " + db.service() + "` in " + stack.files().directory() + ".");
        }
    }

    /** A freshly started server refuses connections for a moment; wait for it rather than fail the restore. */
    private static void awaitReady(StackState stack, DatabaseEntry db, LoggedCommands commands) {
        Command ready = stack.compose().execT(db.service(), List.of("pg_isready", "-q", "-U", db.user(), "-d", db.database()));
        Instant deadline = Instant.now().plus(READY_BUDGET);
        while (true) {
            ExecResult r = commands.target().exec(ready);
            if (r.ok()) return;
            if (Instant.now().isAfter(deadline)) {
                throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "The database service '" + db.service()
                        + "' did not accept connections within " + READY_BUDGET.toSeconds() + " s, so the database was"
                        + " not restored: check its logs in " + stack.files().directory() + ".");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlipwayException(ExitCode.INTERNAL, "Stopped while waiting for the database service.", e);
            }
        }
    }
}
