package app.slipway.core.upgrade;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.BackupSpace;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ServiceModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.ImagesInUse;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.Snapshot;
import app.slipway.core.steps.StackActions;
import app.slipway.core.steps.StepList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upgrade of README §How an upgrade works as a {@link Plan}: a pure function of the stack as read, the target
 * version and the interrupted run's journal (if any). Everything is decided here — the legacy
 * services, the commands, the compose text after the rename, the .env after the pin — and each
 * step's action does exactly what the step shows.
 */
public final class UpgradePlanner {
    private UpgradePlanner() {}

    public static Plan plan(Connection connection, StackState stack, UpgradeOptions options) {
        return plan(connection, stack, options, Optional.empty());
    }

    /** @param interrupted the journal an interrupted run left in the stack's directory, as read */
    public static Plan plan(Connection connection, StackState stack, UpgradeOptions options,
                            Optional<JournalEntry> interrupted) {
        String to = EnvFile.requireValidVersion(options.toVersion());
        Profile profile = stack.profile();
        boolean resuming = options.resume() && interrupted.isPresent();
        String from = resuming ? interrupted.get().from() : stack.currentVersion().orElse("unknown");
        String dir = stack.files().directory();
        Target host = connection.target();
        ComposeCommands compose = stack.compose();
        Map<String, String> renames = legacyServicesPresent(stack, profile);

        var notes = new ArrayList<String>();
        if (resuming) {
            notes.add("Finishing the interrupted upgrade from " + from + " to " + to + "; the steps already done are done again harmlessly.");
        } else if (interrupted.isPresent()) {
            notes.add(interrupted.get().describe(dir, hostOption(host)));
        } else if (from.equals(to)) {
            notes.add("The stack is already on " + to + ": the upgrade would re-pull and restart it.");
        }
        if (stack.pinnedVersion().isEmpty()) {
            notes.add(profile.versionVariable() + " is not set in .env; the running version was read from the containers.");
        }

        var steps = new StepList();
        steps.add(StepKind.CONNECT, List.of("Use " + connection.describe() + ".",
                "Engine API " + connection.engineVersion().apiVersion() + "."), List.of(), StepAction.NOTHING);
        steps.add(StepKind.READ, List.of(
                "Compose file " + stack.files().composePath() + " and " + stack.files().envPath() + ".",
                "Product " + profile.name() + ", project '" + stack.project() + "' (from " + stack.projectSource()
                        + "), on " + from + ".",
                "Services: " + String.join(", ", stack.model().serviceNames()) + "."),
                List.of(compose.config()), StepAction.NOTHING);
        steps.add(StepKind.PREFLIGHT, preflightDetails(profile, from, to, dir, options.skipBackup()), List.of(),
                run -> {
                    if (interrupted.isPresent() && !resuming) {
                        throw SlipwayException.refused(interrupted.get().describe(dir, hostOption(host)));
                    }
                    for (String image : profile.images()) {
                        String ref = image + ":" + to;
                        run.listener().on(new RunEvent.Notice("Pulling " + ref + " while " + from + " keeps serving."));
                        connection.engine().pull(image, to, new PullEvents(ref, run.listener(), run.cancellation()));
                        run.cancellation().checkpoint();
                    }
                    if (!options.skipBackup()) new BackupSpace().ensureRoom(connection, stack);
                    run.takeLock();
                });
        backupStep(steps, connection, stack, from, to, options.skipBackup());
        renameStep(steps, host, stack, renames);
        String envBefore = stack.files().envText().orElse(null);
        String envAfter = EnvFile.parse(envBefore == null ? "" : envBefore).set(profile.versionVariable(), to).text();
        steps.add(StepKind.PIN, List.of(pinDetail(stack, profile, to)), List.of(),
                run -> StackActions.replaceFile(host, stack.files().envPath(), envBefore, envAfter, 0600));
        List<Command> up = List.of(compose.up(true));
        steps.add(StepKind.RESTART, List.of("Start the new version and remove containers of services no longer in the compose file."),
                up, run -> StackActions.runAll(host, run, up, "compose"));
        StepAction verify = run -> StackActions.verify(connection, run, stack.project(), compose, profile,
                stack.files().envPath());
        steps.add(StepKind.VERIFY, verifyDetails(stack, profile, renames), List.of(), verify);
        steps.add(StepKind.RECORD, List.of("Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock."),
                List.of(), StepAction.NOTHING);

        int firstChange = renames.isEmpty() ? steps.numberOf(StepKind.PIN) : steps.numberOf(StepKind.RENAME);
        var recovery = new StepList(steps.size());
        recovery.add(StepKind.RESTORE_FILES, "Restore " + from, List.of(
                "If a step from " + firstChange + " on fails: write .env and " + stack.files().composeFileName()
                        + " back from the snapshot taken before step " + firstChange + ", byte for byte, and tag the"
                        + " images " + from + " ran again where their tags moved."), List.of(),
                run -> {
                    Snapshot snapshot = run.snapshot();
                    snapshot.restoreFiles(host);
                    ImagesInUse.restoreTags(connection.engine(), snapshot.images(), run.listener());
                });
        recovery.add(StepKind.RESTART, "Restart " + from, List.of("Start " + from + " again."), up,
                run -> StackActions.runAll(host, run, up, "compose"));
        recovery.add(StepKind.VERIFY, "Verify " + from, List.of("Check the health URL and every service again (exit 4 when "
                + from + " serves again, 5 when it does not)."), List.of(), verify);
        StepAction checkpoint = run -> run.snapshotTaken(resuming
                ? Snapshot.load(host, dir).orElseThrow(() -> SlipwayException.refused("The interrupted run left no snapshot in "
                        + dir + "/.slipway: restore from a backup with slipway rollback."))
                : Snapshot.take(host, stack.files(), ImagesInUse.of(stack)));

        return new Plan(RunKind.UPGRADE, host.describe(), dir, profile.name(), from, to, notes, steps.steps(),
                new Recovery(checkpoint, recovery.steps()),
                new Plan.LockTerms("upgrade " + from + " → " + to, options.breakLock()),
                resuming ? Journaling.RESUME : Journaling.BEGIN,
                new UpgradeWording(profile.name(), dir, from, to, hostOption(host)),
                SecretRedactor.forStack(stack), Optional.empty());
    }

    private static List<String> preflightDetails(Profile profile, String from, String to, String dir, boolean skipBackup) {
        var details = new ArrayList<String>();
        details.add("Version '" + to + "' is a valid tag.");
        for (String image : profile.images()) {
            details.add("Pull " + image + ":" + to + " while " + from + " keeps serving; a missing tag stops here.");
        }
        if (!skipBackup) details.add("Check free space for the backup.");
        details.add("Take the lock " + dir + "/.slipway/lock.");
        return details;
    }

    private static void backupStep(StepList steps, Connection connection, StackState stack, String from, String to,
                                   boolean skip) {
        String dir = stack.files().directory();
        if (skip) {
            steps.skip(StepKind.BACKUP, "Skipped (--skip-backup): no backup will be taken.");
            return;
        }
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
        Profile profile = stack.profile();
        details.add("Into " + dir + "/backups/<UTC timestamp>-" + from + "-to-" + to + "/:");
        details.add(".env, " + stack.files().composeFileName() + " and the digests of the running images.");
        Map<String, String> env = stack.files().env().values();
        profile.backup().postgres().ifPresent(pg -> {
            details.add("pg_dump -Fc of database " + pg.database(env) + " (service " + pg.service()
                    + "), checked with pg_restore -l.");
            commands.add(stack.compose().execT(pg.service(),
                    List.of("pg_dump", "-U", pg.user(env), "-Fc", pg.database(env))));
        });
        for (var volume : profile.backup().volumes()) {
            details.add("An archive of " + volume.service() + ":" + volume.path() + ".");
        }
        for (String directory : profile.backup().directories()) {
            details.add("A copy of " + dir + "/" + directory + ", taken with its services stopped.");
        }
        details.add("A manifest with the size and sha256 of every file.");
        steps.add(StepKind.BACKUP, details, commands,
                run -> run.backupTaken(new BackupWriter().write(connection, stack, from, to, run.listener())));
    }

    private static void renameStep(StepList steps, Target host, StackState stack, Map<String, String> renames) {
        String file = stack.files().composeFileName();
        if (renames.isEmpty()) {
            steps.skip(StepKind.RENAME, "Nothing to rename: no legacy services in " + file + ".");
            return;
        }
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
        String before = stack.files().composeText();
        String after = before;
        for (var rename : renames.entrySet()) {
            String legacy = rename.getKey();
            long running = stack.containersOf(legacy).stream().filter(ServiceContainer::isRunning).count();
            details.add("Stop and remove the '" + legacy + "' containers (" + running + " running), so two consumers "
                    + "of the same queue never run at once.");
            details.add("Rename service '" + legacy + "' to '" + rename.getValue() + "' in " + file
                    + " (and in depends_on/links), keeping every comment and setting.");
            // Stop the old consumer before anything new starts; `rm -f -s` stops, then removes: one Compose run.
            commands.add(stack.compose().rm(List.of(legacy)));
            after = ComposeFileEditor.renameService(after, legacy, rename.getValue(), file);
        }
        String renamed = after;
        steps.add(StepKind.RENAME, details, commands, run -> {
            StackActions.runAll(host, run, commands, "compose");
            StackActions.replaceFile(host, stack.files().composePath(), before, renamed, 0644);
            renames.forEach((legacy, current) -> run.listener().on(new RunEvent.LogLine("slipway",
                    "Renamed service '" + legacy + "' to '" + current + "' in " + file + ".")));
        });
    }

    private static String pinDetail(StackState stack, Profile profile, String to) {
        String variable = profile.versionVariable();
        return stack.files().env().get(variable)
                .map(old -> "Set " + variable + "=" + to + " in .env (was " + old + "); every other byte kept.")
                .orElse("Append " + variable + "=" + to + " to .env; every other byte kept.");
    }

    private static List<String> verifyDetails(StackState stack, Profile profile, Map<String, String> renames) {
        Duration startPeriod = stack.model().longestStartPeriod();
        Duration budget = profile.health().timeout().compareTo(startPeriod) >= 0 ? profile.health().timeout() : startPeriod;
        var details = new ArrayList<String>();
        details.add("Poll " + profile.health().url(stack.files().env().values()) + " every second (5 s per request) until it answers 2xx, for up to "
                + budget.toSeconds() + " s" + (startPeriod.isZero() ? "." : " (never less than the longest start_period, "
                + startPeriod.toSeconds() + " s)."));
        var checks = new ArrayList<String>();
        for (ServiceModel service : stack.model().services().values()) {
            String name = renames.getOrDefault(service.name(), service.name());
            checks.add(name + (service.oneShot() ? " exited 0" : service.hasHealthcheck() ? " healthy" : " running"));
        }
        details.add("Check every service: " + String.join(", ", checks) + ".");
        details.add("On failure, show the last log lines of the failing services.");
        return details;
    }

    /** Renames from the profile whose legacy service is still in this compose file. */
    static Map<String, String> legacyServicesPresent(StackState stack, Profile profile) {
        var present = new LinkedHashMap<String, String>();
        profile.renames().forEach((legacy, current) -> {
            if (ComposeFileEditor.hasService(stack.files().composeText(), legacy)) {
                present.put(legacy, current);
            }
        });
        return present;
    }

    /** The target part of a command line the user can paste ("--host ssh://…"), null for local. */
    static String hostOption(Target host) {
        return host.isRemote() ? "--host " + host.describe() : null;
    }
}
