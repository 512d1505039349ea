package app.slipway.core.upgrade;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.BackupCatalog;
import app.slipway.core.backup.BackupSpace;
import app.slipway.core.backup.RetentionChoice;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ServiceModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.host.Targets;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.install.ComposeSourceReader;
import app.slipway.core.install.InstallEnv;
import app.slipway.core.profile.ComposeSource;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.SecretKind;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.steps.ComposeDiff;
import app.slipway.core.steps.ImageFetch;
import app.slipway.core.steps.ComposeTemplates;
import app.slipway.core.steps.MissingKeys;
import app.slipway.core.steps.RequiredVariables;
import app.slipway.core.steps.TargetImages;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.ImagesInUse;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.Snapshot;
import app.slipway.core.steps.FilesInForce;
import app.slipway.core.steps.BackupStep;
import app.slipway.core.steps.RetentionStep;
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

    public static Plan plan(Connection connection, StackState stack, UpgradeOptions options,
                            Optional<JournalEntry> interrupted) {
        return plan(connection, stack, options, interrupted, new SecureRandom());
    }

    /**
     * @param interrupted the journal an interrupted run left in the stack's directory, as read
     * @param random      generates the secrets a new release's template needs (never one that is set)
     */
    public static Plan plan(Connection connection, StackState stack, UpgradeOptions options,
                            Optional<JournalEntry> interrupted, SecureRandom random) {
        String to = EnvFile.requireValidVersion(options.toVersion());
        Profile profile = stack.profile();
        boolean resuming = options.resume() && interrupted.isPresent();
        String from = resuming ? interrupted.get().from() : stack.currentVersion().orElse("unknown");
        String dir = stack.files().directory();
        Target host = connection.target();
        ComposeCommands compose = stack.compose();
        Map<String, String> renames = legacyServicesPresent(stack, profile);
        String file = stack.files().composeFileName();
        String envBefore = stack.files().envText().orElse(null);

        // The compose file the new version runs with: the release's own template, or this one renamed.
        String composeBefore = stack.files().composeText();
        String renamedText = composeBefore;
        for (var rename : renames.entrySet()) {
            renamedText = ComposeFileEditor.renameService(renamedText, rename.getKey(), rename.getValue(), file);
        }
        Optional<ComposeSource> template = profile.install().flatMap(i -> {
            ComposeSource chosen = i.composeFor(stack.files().env().values(), stack.model().serviceNames());
            return i.upgradeWritesTemplate(chosen) ? Optional.of(chosen.at(to)) : Optional.empty();
        });
        String composeAfter = template
                .map(source -> ComposeTemplates.withRenames(new String(ComposeSourceReader.read(source).content(),
                        StandardCharsets.UTF_8), profile, file))
                .orElse(renamedText);
        // With a template the rename step only stops the legacy services; the template replaces the file.
        if (template.isPresent()) renamedText = composeBefore;

        // The .env it runs with: pinned, --set values; with a template, the keys the template needs too.
        InstallEnv.Result env = envAfter(stack, profile, options, to, template.isPresent(), random);
        String envAfter = env.env().text();
        List<String> missing = RequiredVariables.missing(composeAfter, env.env().values());
        if (!missing.isEmpty()) {
            throw new MissingKeys(profile.name() + " " + to, missing, ".env does not set");
        }

        // The images it runs: pulled first, checked after.
        Set<String> activeServices = new java.util.LinkedHashSet<>(
                ComposeModel.parse(composeAfter, ComposeModel.activeProfiles(env.env().values())).serviceNames());
        TargetImages images = TargetImages.of(ComposeFileEditor.serviceImages(composeAfter, file), activeServices,
                profile, env.env().values());
        if (options.rewritePinnedTags()) {
            for (var pinned : images.pinned().entrySet()) {
                composeAfter = ComposeFileEditor.rewriteImage(composeAfter, pinned.getKey(),
                        TargetImages.followingTheVariable(pinned.getValue(), profile.versionVariable()), file);
            }
            images = TargetImages.of(ComposeFileEditor.serviceImages(composeAfter, file), activeServices, profile,
                    env.env().values());
        }
        TargetImages target = images;
        List<String> pulls = target.toPull().isEmpty()
                ? profile.images().stream().map(i -> i + ":" + to).toList() : target.toPull();

        var notes = new ArrayList<String>();
        if (resuming) {
            notes.add("Finishing the interrupted upgrade from " + from + " to " + to + "; the steps already done are done again harmlessly.");
        } else if (interrupted.isPresent()) {
            notes.add(interrupted.get().describe(dir, Targets.hostOption(host)));
        } else if (from.equals(to)) {
            notes.add("The stack is already on " + to + ": the upgrade would re-pull and restart it.");
        }
        if (stack.pinnedVersion().isEmpty()) {
            notes.add(stack.files().env().get(profile.versionVariable()).filter(v -> !v.isBlank())
                    .map(pin -> profile.versionVariable() + "=" + pin + " in .env names no image here; the running version ("
                            + from + ") was read from the containers, and the pin gets the registry's spelling.")
                    .orElse(profile.versionVariable() + " is not set in .env; the running version was read from the containers."));
        }
        String pinnedTags = target.pinned().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        if (!target.pinned().isEmpty()) {
            notes.add(profile.name() + "'s images are pinned in " + file + " itself, where " + profile.versionVariable()
                    + " cannot move them: " + pinnedTags + ". The upgrade is refused unless they follow "
                    + profile.versionVariable() + " from now on (--rewrite-pinned-tags).");
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
        steps.add(StepKind.PREFLIGHT, preflightDetails(pulls, from, to, dir, options.skipBackup()), List.of(),
                run -> {
                    if (interrupted.isPresent() && !resuming) {
                        throw SlipwayException.refused(interrupted.get().describe(dir, Targets.hostOption(host)));
                    }
                    if (!target.pinned().isEmpty()) {
                        throw SlipwayException.refused("The upgrade would leave " + pinnedTags + " on the old version: "
                                + "run it again with --rewrite-pinned-tags to let " + profile.versionVariable()
                                + " move them too; nothing was changed.");
                    }
                    for (String ref : pulls) {
                        ImageFetch.fetch(connection.engine(), profile, ref, "while " + from + " keeps serving", run);
                    }
                    if (!options.skipBackup()) new BackupSpace().ensureRoom(connection, stack);
                    run.takeLock();
                });
        backupStep(steps, connection, stack, from, to, options.skipBackup());
        retentionStep(steps, host, dir, from, to, options, interrupted);
        renameStep(steps, connection, stack, renames, renamedText, template.isPresent());
        if (!composeAfter.equals(renamedText)) {
            String written = renamedText;
            String last = composeAfter;
            List<String> diff = ComposeDiff.lines(written, last, file);
            var details = new ArrayList<String>();
            details.add(template.map(t -> "Write the compose file of " + to + " (" + t.location() + ") over " + file
                    + ", as " + profile.name() + "'s own installer does: " + ComposeDiff.summary(diff) + ".")
                    .orElse("Let " + profile.versionVariable() + " move " + pinnedTags + " in " + file + ": "
                            + ComposeDiff.summary(diff) + "."));
            details.addAll(diff);
            steps.add(StepKind.COMPOSE, details, List.of(),
                    run -> StackActions.replaceFile(host, stack.files().composePath(), written, last, 0644));
        }
        steps.add(StepKind.PIN, pinDetails(stack, profile, to, env), List.of(),
                run -> StackActions.replaceFile(host, stack.files().envPath(), envBefore, envAfter, 0600));
        List<Command> up = List.of(compose.up(true));
        var newFiles = new FilesInForce(host, compose, stack.files().envPath());
        steps.add(StepKind.RESTART, List.of("Start the new version and remove containers of services no longer in the compose file."),
                up, run -> {
                    newFiles.readAhead();
                    StackActions.runAll(host, run, up, "compose");
                });
        StepAction verify = run -> StackActions.verify(connection, run, stack.project(), newFiles, profile,
                target.following());
        steps.add(StepKind.VERIFY, verifyDetails(stack, profile, renames, target), List.of(), verify);
        StepAction verifyOld = run -> StackActions.verify(connection, run, stack.project(), compose, profile,
                stack.files().envPath(), Map.of());
        steps.add(StepKind.RECORD, List.of("Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock."),
                List.of(), StepAction.NOTHING);

        int firstChange = steps.steps().stream().filter(st -> st.changesTheStack() && !st.skipped())
                .mapToInt(PlanStep::number).findFirst().orElse(0);
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
                + from + " serves again, 5 when it does not)."), List.of(), verifyOld);
        StepAction checkpoint = run -> run.snapshotTaken(resuming
                ? Snapshot.load(host, dir).orElseThrow(() -> SlipwayException.refused("The interrupted run left no snapshot in "
                        + dir + "/.slipway: restore from a backup with slipway rollback."))
                : Snapshot.take(host, stack.files(), ImagesInUse.of(stack)));

        return new Plan(RunKind.UPGRADE, host.describe(), dir, profile.name(), from, to, notes, steps.steps(),
                new Recovery(checkpoint, recovery.steps()),
                new Plan.LockTerms("upgrade " + from + " → " + to, options.breakLock()),
                resuming ? Journaling.RESUME : Journaling.BEGIN,
                new UpgradeWording(profile.name(), dir, from, to, Targets.hostOption(host)),
                SecretRedactor.forStack(stack), Optional.empty());
    }

    private static List<String> preflightDetails(List<String> pulls, String from, String to, String dir, boolean skipBackup) {
        var details = new ArrayList<String>();
        details.add("Version '" + to + "' is a valid tag.");
        for (String ref : pulls) {
            details.add("Pull " + ref + " while " + from + " keeps serving; a missing tag stops here.");
        }
        if (!skipBackup) details.add(BackupStep.SPACE_CHECK);
        details.add("Take the lock " + dir + "/.slipway/lock.");
        return details;
    }

    private static void backupStep(StepList steps, Connection connection, StackState stack, String from, String to,
                                   boolean skip) {
        if (skip) {
            steps.skip(StepKind.BACKUP, "Skipped (--skip-backup): no backup will be taken.");
            return;
        }
        BackupStep.add(steps, stack, from + "-to-" + to,
                run -> run.backupTaken(new BackupWriter().write(connection, stack, from, to, run.listener())));
    }

    /**
     * The newest backups kept (this run's among them), and the newest backup of {@code from} and of
     * {@code to} whatever their age; nothing is removed when no backup is taken.
     */
    private static void retentionStep(StepList steps, Target host, String dir, String from, String to,
                                      UpgradeOptions options, Optional<JournalEntry> interrupted) {
        if (options.skipBackup()) {
            steps.skip(StepKind.RETENTION, "Skipped (--skip-backup): no backup is taken, so none is removed.");
            return;
        }
        var mustRestore = new LinkedHashMap<String, String>();
        mustRestore.put(to, "the version the upgrade goes to");
        mustRestore.put(from, "the version running");
        Set<String> needed = interrupted.map(JournalEntry::backupId).map(Set::of).orElse(Set.of());
        RetentionStep.add(steps, host, dir, RetentionChoice.choose(new BackupCatalog().list(host, dir),
                options.keepBackups(), Optional.of(from), mustRestore, needed));
    }

    private static void renameStep(StepList steps, Connection connection, StackState stack, Map<String, String> renames,
                                   String renamedText, boolean templated) {
        Target host = connection.target();
        String file = stack.files().composeFileName();
        if (renames.isEmpty()) {
            steps.skip(StepKind.RENAME, "Nothing to rename: no legacy services in " + file + ".");
            return;
        }
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
        for (var rename : renames.entrySet()) {
            String legacy = rename.getKey();
            long running = stack.containersOf(legacy).stream().filter(ServiceContainer::isRunning).count();
            long grace = graceOf(stack, legacy).toSeconds();
            details.add("Stop and remove the '" + legacy + "' containers (" + running + " running), so two consumers "
                    + "of the same queue never run at once: through the engine, as 'docker stop -t " + grace
                    + "' then 'docker rm' (the service's stop grace period; no Compose start needed).");
            details.add(templated
                    ? "The new compose file has '" + rename.getValue() + "' in its place, with the release's own settings."
                    : "Rename service '" + legacy + "' to '" + rename.getValue() + "' in " + file
                    + " (and in depends_on/links), keeping every comment and setting.");
        }
        String before = stack.files().composeText();
        steps.add(StepKind.RENAME, details, commands, run -> {
            // The old consumer stops before anything new starts: what `compose rm -f -s` does, through the
            // engine, without a Compose start (a second of Python on a small server).
            for (String legacy : renames.keySet()) {
                java.time.Duration grace = graceOf(stack, legacy);
                for (ServiceContainer c : connection.engine().containersOf(stack.project())) {
                    if (!c.service().equals(legacy)) continue;
                    run.listener().on(new RunEvent.LogLine("engine", "$ docker stop -t " + grace.toSeconds() + " "
                            + c.name() + " && docker rm " + c.name()));
                    connection.engine().stopAndRemove(c.id(), grace);
                }
            }
            if (!templated) {
                StackActions.replaceFile(host, stack.files().composePath(), before, renamedText, 0644);
                renames.forEach((legacy, current) -> run.listener().on(new RunEvent.LogLine("slipway",
                        "Renamed service '" + legacy + "' to '" + current + "' in " + file + ".")));
            }
        });
    }

    /** The legacy service's {@code stop_grace_period}, as Compose would wait for it; Compose's 10 s when it sets none. */
    private static java.time.Duration graceOf(StackState stack, String service) {
        var model = stack.model().services().get(service);
        return model == null ? app.slipway.core.compose.ServiceModel.DEFAULT_STOP_GRACE : model.stopGrace();
    }

    /** The .env after the upgrade: pinned and --set; with a release template, also its defaults and secrets. */
    private static InstallEnv.Result envAfter(StackState stack, Profile profile, UpgradeOptions options, String to,
                                              boolean templated, SecureRandom random) {
        String existing = stack.files().envText().orElse("");
        Map<String, SecretKind> secrets = profile.install().map(InstallSpec::secrets).orElse(Map.of());
        if (templated) {
            InstallSpec spec = profile.requireInstall();
            return InstallEnv.merge(existing, spec.env(), secrets, profile.versionVariable(), options.sets(), to, random);
        }
        for (String key : options.sets().keySet()) {
            if (secrets.containsKey(key) && stack.files().env().get(key).filter(v -> !v.isBlank()).isPresent()) {
                throw SlipwayException.badInput(key + " is a secret already set in .env and Slipway never changes one:"
                        + " drop --set " + key + ", or edit .env yourself if you really mean to rotate it.");
            }
        }
        return InstallEnv.merge(existing, Map.of(), Map.of(), profile.versionVariable(), options.sets(), to, random);
    }

    private static List<String> pinDetails(StackState stack, Profile profile, String to, InstallEnv.Result env) {
        String variable = profile.versionVariable();
        var details = new ArrayList<String>();
        details.add(stack.files().env().get(variable)
                .map(old -> "Set " + variable + "=" + to + " in .env (was " + old + "); every other byte kept.")
                .orElse("Append " + variable + "=" + to + " to .env; every other byte kept."));
        Map<String, SecretKind> secrets = profile.install().map(InstallSpec::secrets).orElse(Map.of());
        List<String> generated = env.added().stream().filter(secrets::containsKey).toList();
        List<String> added = env.added().stream().filter(k -> !secrets.containsKey(k) && !k.equals(variable)).toList();
        List<String> changed = env.changed().stream().filter(k -> !k.equals(variable)).toList();
        if (!added.isEmpty()) {
            details.add("Add " + String.join(", ", added) + " (the new version needs " + (added.size() == 1 ? "it" : "them")
                    + "; values shown nowhere).");
        }
        if (!generated.isEmpty()) details.add("Generate " + String.join(", ", generated) + ": missing secrets; one that is set is never rotated.");
        if (!changed.isEmpty()) details.add("Change " + String.join(", ", changed) + " (--set).");
        return details;
    }

    private static List<String> verifyDetails(StackState stack, Profile profile, Map<String, String> renames,
                                              TargetImages target) {
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
        if (!target.following().isEmpty()) {
            details.add("Check that " + String.join(", ", target.following().keySet()) + " run the new images, never an old one.");
        }
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

}
