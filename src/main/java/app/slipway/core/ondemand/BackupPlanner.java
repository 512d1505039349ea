package app.slipway.core.ondemand;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.BackupCatalog;
import app.slipway.core.backup.BackupSpace;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.backup.RetentionChoice;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Target;
import app.slipway.core.host.Targets;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.steps.BackupStep;
import app.slipway.core.steps.RetentionStep;
import app.slipway.core.steps.StepList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code slipway backup} as a {@link Plan}: connect, read, preflight (room for the backup above the
 * floor, the lock), the very backup an upgrade takes — same parts, same manifest — into
 * {@code DIR/backups/<UTC timestamp>-<version>-manual/}, the old backups beyond the newest N removed,
 * and a line in the history. Nothing of the stack changes (services a profile backs up stopped are
 * started again by the backup itself), so the plan has no way back.
 */
public final class BackupPlanner {
    private BackupPlanner() {}

    /** @param interrupted the journal an interrupted run left; its backup is never removed */
    public static BackupPlan plan(Connection connection, StackState stack, BackupOptions options,
                                  Optional<JournalEntry> interrupted) {
        Target host = connection.target();
        String dir = stack.files().directory();
        String version = stack.currentVersion().orElse("unknown");
        String product = stack.profile().name();

        var notes = new ArrayList<String>();
        interrupted.ifPresent(j -> notes.add(j.describe(dir, Targets.hostOption(host))
                + " The backup is of the stack as it is now."));
        if (stack.currentVersion().isEmpty()) {
            notes.add("The version the stack runs cannot be told: the backup is named 'unknown'.");
        }

        var steps = new StepList();
        steps.add(StepKind.CONNECT, List.of("Use " + connection.describe() + ".",
                "Engine API " + connection.engineVersion().apiVersion() + "."), List.of(), StepAction.NOTHING);
        steps.add(StepKind.READ, List.of(
                "Compose file " + stack.files().composePath() + " and " + stack.files().envPath() + ".",
                "Product " + product + ", project '" + stack.project() + "' (from " + stack.projectSource()
                        + "), on " + version + ".",
                "Services: " + String.join(", ", stack.model().serviceNames()) + "."),
                List.of(stack.compose().config()), StepAction.NOTHING);
        steps.add(StepKind.PREFLIGHT, List.of(BackupStep.SPACE_CHECK, "Take the lock " + dir + "/.slipway/lock."),
                List.of(), withoutSkipHint(run -> {
                    new BackupSpace().ensureRoom(connection, stack);
                    run.takeLock();
                }));
        BackupStep.add(steps, stack, version + "-manual", withoutSkipHint(run ->
                run.backupTaken(new BackupWriter().writeOnDemand(connection, stack, version, run.listener()))));
        Set<String> needed = interrupted.map(JournalEntry::backupId).map(Set::of).orElse(Set.of());
        RetentionStep.Removals removals = RetentionStep.add(steps, host, dir, RetentionChoice.choose(
                new BackupCatalog().list(host, dir), options.keep(), Optional.of(version),
                Map.of(version, "the version running"), needed));
        steps.add(StepKind.RECORD, List.of("Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock."),
                List.of(), StepAction.NOTHING);

        Plan plan = new Plan(RunKind.BACKUP, host.describe(), dir, product, version, version, notes, steps.steps(),
                Recovery.NONE, new Plan.LockTerms("backup of " + version, options.breakLock()), Journaling.BEGIN,
                new BackupWording(product, version, removals), SecretRedactor.forStack(stack), Optional.empty());
        return new BackupPlan(plan, removals);
    }

    /**
     * The backup's refusals end in the upgrade's way out ("or run with --skip-backup"), which a backup on
     * demand does not have: the sentence stops before it.
     */
    private static StepAction withoutSkipHint(StepAction action) {
        return run -> {
            try {
                action.run(run);
            } catch (SlipwayException e) {
                String said = e.getMessage() == null ? null : e.getMessage().replaceAll(",? or run with --skip-backup", "");
                throw new SlipwayException(e.exitCode(), said, e);
            }
        };
    }
}
