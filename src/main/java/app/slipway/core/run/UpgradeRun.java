package app.slipway.core.run;

import app.slipway.core.events.*;
import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupSpace;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.StepKind;
import app.slipway.core.plan.UpgradeOptions;
import app.slipway.core.plan.UpgradePlan;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.Snapshot;
import app.slipway.core.state.StackLock;
import app.slipway.core.host.Target;
import app.slipway.core.verify.StackVerifier;
import app.slipway.core.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an {@link UpgradePlan} (SPEC §4): pull while the old version serves, back up, then change
 * the stack; any failure after the first change rolls it back to the snapshot (exit 4, or 5 when
 * even that fails). Emits events for every step; prints nothing itself.
 */
public final class UpgradeRun {
    private final Connection connection;
    private final StackState stack;
    private final UpgradePlan plan;
    private final UpgradeOptions options;
    private final RunListener listener;
    private final StepClock clock;
    private final Target target;
    private final String dir;
    private final Cancellation cancellation;

    private StackLock lock;
    private Backup backup;
    private Snapshot snapshot;
    private Journal journal;

    public UpgradeRun(Connection connection, StackState stack, UpgradePlan plan, UpgradeOptions options,
                      RunListener listener) {
        this(connection, stack, plan, options, listener, Cancellation.none());
    }

    /** @param cancellation honoured until the first change (the wizard's Cancel button) */
    public UpgradeRun(Connection connection, StackState stack, UpgradePlan plan, UpgradeOptions options,
                      RunListener listener, Cancellation cancellation) {
        this.cancellation = cancellation;
        this.connection = connection;
        this.stack = stack;
        this.plan = plan;
        this.options = options;
        this.listener = listener;
        this.clock = new StepClock(listener);
        this.target = connection.target();
        this.dir = stack.files().directory();
    }

    public UpgradeResult run() {
        Instant started = Instant.now();
        try {
            clock.run(plan.step(StepKind.CONNECT), () -> {});
            clock.run(plan.step(StepKind.READ), () -> {});
            clock.run(plan.step(StepKind.PREFLIGHT), this::preflight);
            cancellation.checkpoint();
            backUp();
            cancellation.close(); // from here on the run finishes or rolls back
        } catch (SlipwayException e) {
            releaseLock();
            return result(e.exitCode(), e.getMessage(), Map.of(), started);
        }
        try {
            beginChanges();
            change(StepKind.RENAME, this::renameLegacyServices);
            change(StepKind.PIN, this::pinVersion);
            // Verify reads Compose's model after `up -d`, not beside it: a second Compose process
            // during the restart lengthened the app's outage by half a second (bench/run.sh).
            change(StepKind.RESTART, this::restart);
            clock.run(plan.step(StepKind.VERIFY), () -> {
                VerifyResult verified = verifyCurrentFiles();
                if (!verified.healthy()) throw new UnhealthyStack(verified);
            });
        } catch (UnhealthyStack e) {
            return rollBack("the new version is not healthy: " + e.result().summary(), e.result().logs(), started);
        } catch (RuntimeException e) {
            return rollBack(String.valueOf(e.getMessage()), Map.of(), started);
        }
        clock.run(plan.step(StepKind.RECORD), () -> {
            record(HistoryEntry.SUCCEEDED, "upgraded to " + plan.to(), started);
            journal.finish();
            releaseLock();
        });
        return result(ExitCode.DONE, plan.product() + " " + plan.to() + " is running and healthy in " + dir
                + (backup == null ? "." : "; the backup is in " + backupPath() + "."), Map.of(), started);
    }

    // ------------------------------------------------------------------ before any change

    private void preflight() {
        for (String image : stack.profile().images()) {
            String ref = image + ":" + plan.to();
            listener.on(new RunEvent.Notice("Pulling " + ref + " while " + plan.from() + " keeps serving."));
            connection.engine().pull(image, plan.to(), new PullEvents(ref, listener, cancellation));
            cancellation.checkpoint();
        }
        Optional<JournalEntry> interrupted = Journal.find(target, dir);
        if (interrupted.isPresent() && !options.resume()) {
            throw SlipwayException.refused(interrupted.get().describe(dir, hostOption()));
        }
        if (!options.skipBackup()) {
            new BackupSpace().ensureRoom(connection, stack);
        }
        lock = StackLock.acquire(target, dir, LockOwner.current("upgrade " + plan.from() + " → " + plan.to()),
                options.breakLock());
    }

    private void backUp() {
        PlanStep step = plan.step(StepKind.BACKUP);
        if (options.skipBackup()) {
            clock.skip(step, "--skip-backup");
            return;
        }
        clock.run(step, () -> backup = new BackupWriter().write(connection, stack, plan.from(), plan.to(), listener));
    }

    /** The last moment nothing has changed: keep the files and images to come back to. */
    private void beginChanges() {
        Optional<JournalEntry> interrupted = Journal.find(target, dir);
        if (interrupted.isPresent() && options.resume()) {
            // Resuming: the snapshot taken before the interrupted run's first change is still the way back.
            snapshot = Snapshot.load(target, dir).orElseThrow(() -> SlipwayException.refused(
                    "The interrupted run left no snapshot in " + dir + "/.slipway: restore from a backup with slipway rollback."));
            journal = Journal.resume(target, dir).orElseThrow();
            return;
        }
        snapshot = Snapshot.take(target, stack.files(), ImagesInUse.of(stack));
        journal = Journal.begin(target, dir, JournalEntry.start("upgrade", plan.from(), plan.to(),
                backup == null ? null : backup.id()));
    }

    private void change(StepKind kind, Runnable body) {
        PlanStep step = plan.step(kind);
        if (step.skipped()) {
            clock.skip(step, String.join(" ", step.details()));
            return;
        }
        clock.run(step, body::run);
        journal.reached(kind.name().toLowerCase());
    }

    private void renameLegacyServices() {
        String compose = readText(stack.files().composePath());
        for (var rename : stack.profile().renames().entrySet()) {
            String legacy = rename.getKey();
            if (!ComposeFileEditor.hasService(compose, legacy, stack.files().composeFileName())) continue;
            // Stop the old consumer before anything new starts: two must never share a queue.
            // `rm -f -s` stops the containers, then removes them: one Compose run, not two.
            run(stack.compose().rm(List.of(legacy)), legacy);
            compose = ComposeFileEditor.renameService(compose, legacy, rename.getValue(), stack.files().composeFileName());
            listener.on(new RunEvent.LogLine("slipway", "Renamed service '" + legacy + "' to '" + rename.getValue()
                    + "' in " + stack.files().composeFileName() + "."));
        }
        target.writeFileAtomically(stack.files().composePath(), compose.getBytes(StandardCharsets.UTF_8), null);
    }

    private void pinVersion() {
        String envPath = stack.files().envPath();
        String text = target.stat(envPath).isPresent() ? readText(envPath) : "";
        EnvFile pinned = EnvFile.parse(text).set(stack.profile().versionVariable(), plan.to());
        target.writeFileAtomically(envPath, pinned.text().getBytes(StandardCharsets.UTF_8),
                target.stat(envPath).isPresent() ? null : 0600);
    }

    private void restart() {
        run(stack.compose().up(true), "compose");
    }

    // ------------------------------------------------------------------ rollback

    private UpgradeResult rollBack(String why, Map<String, List<String>> logs, Instant started) {
        listener.on(new RunEvent.Notice("The upgrade failed (" + why + "); rolling back to " + plan.from() + "."));
        try {
            snapshot.restoreFiles(target);
            ImagesInUse.restoreTags(connection.engine(), snapshot.images(), listener);
            run(stack.compose().up(true), "compose");
            VerifyResult again = verifyCurrentFiles();
            if (!again.healthy()) {
                throw new IllegalStateException("after the rollback " + again.summary());
            }
        } catch (RuntimeException e) {
            String message = "The upgrade to " + plan.to() + " failed (" + why + ") and the rollback to " + plan.from()
                    + " failed too (" + e.getMessage() + "). The journal in " + dir + "/.slipway/journal.json records "
                    + "how far it got; check 'docker compose ps' and the logs, then run 'slipway rollback --dir " + dir
                    + (backup == null ? "'" : " --backup " + backup.id() + "'") + ".";
            recordQuietly(HistoryEntry.FAILED, message, started);
            releaseLock();
            return result(ExitCode.ROLLBACK_FAILED, message, logs, started);
        }
        String message = "The upgrade to " + plan.to() + " failed (" + why + ") and was rolled back: " + plan.from()
                + " is serving again. The database was not restored"
                + (backup == null ? "." : "; if " + plan.to() + " migrated it, run 'slipway rollback --dir " + dir
                + " --backup " + backup.id() + " --restore-database'.");
        journal.finish();
        recordQuietly(HistoryEntry.ROLLED_BACK, "rolled back: " + why, started);
        releaseLock();
        return result(ExitCode.ROLLED_BACK, message, logs, started);
    }

    // ------------------------------------------------------------------ helpers

    /** Verifies what the files on disk now describe (the new version, or the restored old one). */
    private VerifyResult verifyCurrentFiles() {
        ComposeModel model = ComposeModelReader.read(target, stack.compose());
        Map<String, String> env = EnvFile.parse(readText(stack.files().envPath())).values();
        return new StackVerifier().verify(connection, stack.project(), model, stack.profile(), env, listener);
    }

    private void record(String result, String message, Instant started) {
        History.append(target, dir, new HistoryEntry(LockOwner.current("upgrade").who(), started.toString(), "upgrade",
                plan.from(), plan.to(), result, backup == null ? null : backup.id(),
                Duration.between(started, Instant.now()).toMillis(), message));
    }

    private void recordQuietly(String result, String message, Instant started) {
        try {
            record(result, message, started);
        } catch (RuntimeException ignored) {
            // The outcome is already in the result; a history line must not hide it.
        }
    }

    /** The target part of a command line the user can paste ("--host ssh://…"), empty for local. */
    private String hostOption() {
        return target.isRemote() ? "--host " + target.describe() : null;
    }

    private void releaseLock() {
        if (lock != null) lock.release();
        lock = null;
    }

    private void run(app.slipway.core.host.Command command, String source) {
        LoggedCommands.forStack(target, stack, listener, source).require(command);
    }

    private String readText(String path) {
        return new String(target.readFile(path), StandardCharsets.UTF_8);
    }

    private String backupPath() {
        return dir + "/backups/" + backup.id();
    }

    private UpgradeResult result(ExitCode code, String message, Map<String, List<String>> logs, Instant started) {
        return new UpgradeResult(plan.from(), plan.to(), code, message, backup == null ? null : backup.id(),
                clock.outcomes(), new LinkedHashMap<>(logs), Duration.between(started, Instant.now()));
    }
}
