package app.slipway.core.rollback;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.DatabaseRestore;
import app.slipway.core.backup.DirectoryRestore;
import app.slipway.core.backup.VolumeRestore;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.run.UnhealthyStack;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.ImagesInUse;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.steps.StackActions;
import app.slipway.core.steps.StepList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code slipway rollback} as a {@link Plan}: back to a backup (named, or the newest) or to the
 * snapshot an interrupted run left — files byte for byte, the images that ran, and the data only
 * when asked. It has no way back of its own: a failure ends with exit 5 and says where the backups are.
 */
public final class RollbackPlanner {
    private RollbackPlanner() {}

    /** The one-sentence question before a rollback: "Roll Strata in /srv/strata back to 1.4.1 from backup …?". */
    public static String question(Plan plan) {
        String source = plan.notes().get(0); // "Back to 1.4.1 from backup …."
        return "Roll " + plan.product() + " in " + plan.directory() + " b" + source.substring(1, source.length() - 1) + "?";
    }

    /**
     * Chooses the restore point and the steps; refuses clearly when there is nothing to return to.
     *
     * @param interrupted the journal an interrupted run left, as read
     */
    public static Plan plan(Connection connection, StackState stack, RollbackOptions options,
                            Optional<JournalEntry> interrupted) {
        Target host = connection.target();
        String dir = stack.files().directory();
        RestorePoint point = RestorePoint.choose(host, dir, options.backupId(), interrupted);
        if (options.restoreDatabase() && point.backup().isEmpty()) {
            throw SlipwayException.badInput("--restore-database needs a backup, and the interrupted run took none:"
                    + " name one with --backup (see " + dir + "/backups).");
        }
        String from = stack.currentVersion().orElse("unknown");
        String to = point.version();

        var steps = new StepList();
        boolean byDigest = point.images().stream().anyMatch(i -> i.repoDigest() != null);
        steps.add(StepKind.PREFLIGHT, byDigest
                ? List.of("Pull by digest the images that ran and are no longer on the target.",
                        "Take the lock " + dir + "/.slipway/lock.")
                : List.of("Take the lock " + dir + "/.slipway/lock."), List.of(), run -> {
                    ImagesInUse.fetchMissing(connection.engine(), point.images(), run.listener());
                    run.takeLock();
                });
        // The image each service must run once restarted: what the restored tags point at.
        Map<String, String> expected = new ConcurrentHashMap<>();
        var restoreDetails = new java.util.ArrayList<>(List.of("Write " + point.composeFileName() + " and .env from "
                + point.source() + ", byte for byte; tag the images that ran again where their tags moved."));
        point.images().stream().filter(i -> i.repoDigest() != null && i.repoDigest().contains("@"))
                .map(i -> i.service() + ": " + i.imageRef() + i.repoDigest().substring(i.repoDigest().indexOf('@')))
                .distinct().forEach(restoreDetails::add);
        steps.add(StepKind.RESTORE_FILES, restoreDetails, List.of(), run -> {
                    host.writeFileAtomically(dir + "/" + point.composeFileName(), point.compose(), null);
                    if (point.env().isPresent()) host.writeFileAtomically(dir + "/.env", point.env().get(), null);
                    expected.putAll(ImagesInUse.restoreTags(connection.engine(), point.images(), run.listener()));
                });
        if (options.restoreDatabase()) {
            Backup backup = point.backup().orElseThrow();
            String db = stack.backupSpec().postgres().map(p -> p.service()).orElse(null);
            List<String> app = stack.model().serviceNames().stream().filter(s -> !s.equals(db)).toList();
            List<Command> stop = app.isEmpty() ? List.of() : List.of(stack.compose().stop(app));
            steps.add(StepKind.RESTORE_DATA, List.of("Stop the app, restore the database dump, volume archives and "
                    + "directories of backup " + backup.id() + "."), stop, run -> {
                        StackActions.runAll(host, run, stop, "compose");
                        new DatabaseRestore().restore(connection, stack, backup, run.listener());
                        new VolumeRestore().restore(connection, stack, backup, run.listener());
                        new DirectoryRestore().restore(connection, stack, backup, run.listener());
                    });
        }
        List<Command> up = List.of(stack.compose().up(true));
        steps.add(StepKind.RESTART, List.of("Start " + to + " and remove services it does not have."), up,
                run -> StackActions.runAll(host, run, up, "compose"));
        steps.add(StepKind.VERIFY, List.of("Check the health URL and every service, and that each service runs the"
                        + " very image it ran then (by ID)."), List.of(), run -> {
                    StackActions.verify(connection, run, stack.project(), stack.compose(), stack.profile(),
                            stack.files().envPath());
                    List<String> wrong = ImagesInUse.notAsRecorded(connection.engine().containersOf(stack.project()),
                            expected, point.images());
                    if (!wrong.isEmpty()) {
                        throw new UnhealthyStack("not every service runs the image it ran then: "
                                + String.join("; ", wrong), Map.of());
                    }
                });
        steps.add(StepKind.RECORD, List.of("Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock."),
                List.of(), StepAction.NOTHING);

        String source = "Back to " + to + " from " + point.source()
                + (options.restoreDatabase() ? ", restoring the database and volumes" : "") + ".";
        return new Plan(RunKind.ROLLBACK, host.describe(), dir, stack.profile().name(), from, to, List.of(source),
                steps.steps(), Recovery.NONE, new Plan.LockTerms("rollback to " + to, options.breakLock()),
                Journaling.CLOSE_INTERRUPTED,
                new RollbackWording(stack.profile().name(), dir, to, point.source(), options.restoreDatabase()),
                SecretRedactor.forStack(stack), Optional.empty());
    }
}
