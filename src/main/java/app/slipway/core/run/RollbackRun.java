package app.slipway.core.run;

import app.slipway.core.events.*;
import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.DatabaseRestore;
import app.slipway.core.backup.DirectoryRestore;
import app.slipway.core.backup.VolumeRestore;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.StepKind;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.StackLock;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.verify.StackVerifier;
import app.slipway.core.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slipway rollback}: back to the state of a backup (or of the snapshot an interrupted run
 * left): files byte for byte, the images that ran, and — only when asked — the data.
 */
public final class RollbackRun {
    private final Connection connection;
    private final StackState stack;
    private final RollbackOptions options;
    private RunListener listener = RunListener.IGNORE;
    private final Target target;
    private final String dir;
    private final Optional<JournalEntry> interrupted;
    private final RestorePoint point;
    private final List<PlanStep> steps;

    /** Chooses the restore point and the steps; refuses clearly when there is nothing to return to. */
    public RollbackRun(Connection connection, StackState stack, RollbackOptions options) {
        this.connection = connection;
        this.stack = stack;
        this.options = options;
        this.target = connection.target();
        this.dir = stack.files().directory();
        this.interrupted = Journal.find(target, dir);
        this.point = RestorePoint.choose(target, dir, options.backupId(), interrupted);
        if (options.restoreDatabase() && point.backup().isEmpty()) {
            throw SlipwayException.badInput("--restore-database needs a backup, and the interrupted run took none:"
                    + " name one with --backup (see " + dir + "/backups).");
        }
        this.steps = steps();
    }

    public String from() {
        return stack.currentVersion().orElse("unknown");
    }

    public String to() {
        return point.version();
    }

    public List<PlanStep> plannedSteps() {
        return steps;
    }

    /** One sentence for the confirmation question. */
    public String describe() {
        return "Roll " + stack.profile().name() + " in " + dir + " back to " + point.version() + " from " + point.source()
                + (options.restoreDatabase() ? ", restoring the database and volumes" : "") + "?";
    }

    private List<PlanStep> steps() {
        var list = new ArrayList<PlanStep>();
        add(list, StepKind.PREFLIGHT, "Take the lock " + dir + "/.slipway/lock.");
        add(list, StepKind.RESTORE_FILES, "Write " + point.composeFileName() + " and .env from " + point.source()
                + ", byte for byte; tag the images that ran again where their tags moved.");
        if (options.restoreDatabase()) {
            add(list, StepKind.RESTORE_DATA, "Stop the app, restore the database dump, volume archives and "
                    + "directories of backup " + point.backup().orElseThrow().id() + ".");
        }
        add(list, StepKind.RESTART, "Start " + point.version() + " and remove services it does not have.");
        add(list, StepKind.VERIFY, "Check the health URL and every service.");
        add(list, StepKind.RECORD, "Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock.");
        return list;
    }

    private static void add(List<PlanStep> list, StepKind kind, String detail) {
        list.add(new PlanStep(list.size() + 1, kind, List.of(detail), List.of(), false));
    }

    public UpgradeResult run(RunListener listener) {
        this.listener = listener;
        Instant started = Instant.now();
        var clock = new StepClock(listener);
        StackLock lock;
        try {
            lock = acquireLock(clock);
        } catch (SlipwayException e) {
            return result(clock, e.exitCode(), e.getMessage(), Map.of(), started);
        }
        try {
            clock.run(step(StepKind.RESTORE_FILES), this::restoreFiles);
            if (options.restoreDatabase()) {
                clock.run(step(StepKind.RESTORE_DATA), this::restoreData);
            }
            clock.run(step(StepKind.RESTART), () -> run(stack.compose().up(true)));
            VerifyResult[] verified = new VerifyResult[1];
            clock.run(step(StepKind.VERIFY), () -> {
                verified[0] = verify();
                if (!verified[0].healthy()) throw new UnhealthyStack(verified[0]);
            });
            clock.run(step(StepKind.RECORD), () -> {
                record(HistoryEntry.SUCCEEDED, "rolled back to " + point.version(), started);
                Journal.resume(target, dir).ifPresent(Journal::finish);
            });
        } catch (UnhealthyStack e) {
            return failed(clock, "the stack is not healthy after the rollback: " + e.result().summary(),
                    e.result().logs(), started);
        } catch (RuntimeException e) {
            return failed(clock, String.valueOf(e.getMessage()), Map.of(), started);
        } finally {
            lock.release();
        }
        return result(clock, ExitCode.DONE, stack.profile().name() + " " + point.version() + " is running and healthy in "
                + dir + " (from " + point.source() + (options.restoreDatabase() ? ", with its data" : "") + ").",
                Map.of(), started);
    }

    private StackLock acquireLock(StepClock clock) {
        StackLock[] lock = new StackLock[1];
        clock.run(step(StepKind.PREFLIGHT), () -> lock[0] = StackLock.acquire(target, dir,
                LockOwner.current("rollback to " + point.version()), options.breakLock()));
        return lock[0];
    }

    private void restoreFiles() {
        target.writeFileAtomically(dir + "/" + point.composeFileName(), point.compose(), null);
        if (point.env().isPresent()) {
            target.writeFileAtomically(dir + "/.env", point.env().get(), null);
        }
        ImagesInUse.restoreTags(connection.engine(), point.images(), listener);
    }

    private void restoreData() {
        Backup backup = point.backup().orElseThrow();
        String db = stack.profile().backup().postgres().map(p -> p.service()).orElse(null);
        List<String> app = stack.model().serviceNames().stream().filter(s -> !s.equals(db)).toList();
        if (!app.isEmpty()) run(stack.compose().stop(app));
        new DatabaseRestore().restore(connection, stack, backup, listener);
        new VolumeRestore().restore(connection, stack, backup, listener);
        new DirectoryRestore().restore(connection, stack, backup, listener);
    }

    private VerifyResult verify() {
        ComposeModel model = ComposeModelReader.read(target, stack.compose());
        Map<String, String> env = target.stat(dir + "/.env").isPresent()
                ? EnvFile.parse(new String(target.readFile(dir + "/.env"), StandardCharsets.UTF_8)).values()
                : Map.of();
        return new StackVerifier().verify(connection, stack.project(), model, stack.profile(), env, listener);
    }

    private UpgradeResult failed(StepClock clock, String why, Map<String, List<String>> logs, Instant started) {
        String message = "The rollback to " + point.version() + " failed (" + why + "). Check the services with"
                + " 'docker compose ps' and their logs in " + dir + "; the backups are in " + dir + "/backups.";
        try {
            record(HistoryEntry.FAILED, message, started);
        } catch (RuntimeException ignored) {
            // the result already says it; a history line must not hide it
        }
        return result(clock, ExitCode.ROLLBACK_FAILED, message, logs, started);
    }

    private void record(String result, String message, Instant started) {
        History.append(target, dir, new HistoryEntry(LockOwner.current("rollback").who(), started.toString(), "rollback",
                from(), point.version(), result, point.backup().map(Backup::id).orElse(null),
                Duration.between(started, Instant.now()).toMillis(), message));
    }

    private void run(Command command) {
        LoggedCommands.forStack(target, stack, listener, "compose").require(command);
    }

    private PlanStep step(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private UpgradeResult result(StepClock clock, ExitCode code, String message, Map<String, List<String>> logs,
                                 Instant started) {
        return new UpgradeResult(from(), point.version(), code, message, point.backup().map(Backup::id).orElse(null),
                clock.outcomes(), new LinkedHashMap<>(logs), Duration.between(started, Instant.now()));
    }
}
