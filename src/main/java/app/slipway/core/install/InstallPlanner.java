package app.slipway.core.install;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import app.slipway.core.host.Targets;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.stack.StackProject;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.Snapshot;
import app.slipway.core.state.StackLock;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.steps.ComposeTemplates;
import app.slipway.core.steps.MissingKeys;
import app.slipway.core.steps.RequiredVariables;
import app.slipway.core.steps.FilesInForce;
import app.slipway.core.steps.StackActions;
import app.slipway.core.steps.TargetImages;
import app.slipway.core.steps.StepList;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code install} (README §The CLI (install)) as a {@link Plan}: a first install into an empty or missing directory,
 * or the re-run on a directory that already holds a stack. Everything is read and decided here —
 * re-run or not, the compose file and the {@code .env} to write (secrets generated now, never
 * rotated), the legacy containers to remove — and the steps write exactly that.
 *
 * <p>Exit codes: 0 done; 2 bad input; 3 refused before any change; a failed re-run restores the
 * previous compose file and .env byte for byte and restarts them (4, or 5 when that fails too); a
 * failed fresh install has nothing to go back to and ends with 5, keeping the written files (so a
 * re-run keeps the generated secrets).
 */
public final class InstallPlanner {
    private InstallPlanner() {}

    public static Plan plan(Connection connection, String directory, Profile profile, InstallOptions options,
                            SecureRandom random) {
        Target host = connection.target();
        InstallSpec spec = profile.requireInstall();
        String dir = strip(host.absolute(directory));
        String dirName = dir.substring(dir.lastIndexOf('/') + 1);

        // ---- read
        Optional<FileInfo> info = host.stat(dir);
        if (info.isPresent() && !info.get().directory()) {
            throw SlipwayException.badInput(dir + " on " + host.describe()
                    + " is a file, not a directory: --dir takes the install directory.");
        }
        Optional<String> existingCompose = info.isPresent() ? StackFilesReader.composeFileIn(host, dir) : Optional.empty();
        boolean rerun = existingCompose.isPresent();
        StackFiles existing = rerun ? StackFilesReader.read(host, dir) : null;
        var notes = new ArrayList<String>();
        if (rerun) {
            notes.add(dir + " already holds a stack (" + existing.composeFileName()
                    + "): re-running the install keeps its .env values and secrets byte for byte.");
        } else if (info.isPresent()) {
            notes.addAll(nestedInstalls(host, dir));
        }
        String envBefore = rerun ? existing.envText().orElse(null)
                : host.stat(dir + "/.env").isPresent() ? new String(host.readFile(dir + "/.env"), StandardCharsets.UTF_8) : null;
        Optional<String> pinned = EnvFile.parse(envBefore == null ? "" : envBefore).get(profile.versionVariable())
                .filter(v -> !v.isBlank());
        if (options.to() == null && pinned.isEmpty()) {
            throw SlipwayException.badInput("Say which version of " + profile.name() + " to install with --to VERSION"
                    + " (an image tag of " + String.join(", ", profile.images()) + "); nothing was changed.");
        }
        String from = pinned.orElse(null);
        String to = options.to() != null ? EnvFile.requireValidVersion(options.to()) : pinned.get();

        Map<String, String> envNow = EnvFile.parse(envBefore == null ? "" : envBefore).values();
        var templateSource = spec.composeFor(envNow, rerun ? ComposeFileEditor.serviceNames(existing.composeText(),
                existing.composeFileName()) : List.of()).at(to);
        var source = ComposeSourceReader.read(templateSource);
        String composeName = rerun ? existing.composeFileName() : source.fileName();
        String composeAfter = ComposeTemplates.withRenames(new String(source.content(), StandardCharsets.UTF_8), profile,
                composeName);
        String composeBefore = rerun ? existing.composeText() : null;

        InstallEnv.Result env = InstallEnv.merge(envBefore == null ? "" : envBefore, spec, profile.versionVariable(),
                options.sets(), options.to(), random);
        String envAfter = env.env().text();
        List<String> missing = RequiredVariables.missing(composeAfter, env.env().values());
        if (!missing.isEmpty()) {
            throw new MissingKeys(profile.name() + " " + to, missing, "nothing fills");
        }
        TargetImages images = TargetImages.of(ComposeFileEditor.serviceImages(composeAfter, composeName),
                new java.util.LinkedHashSet<>(app.slipway.core.compose.ComposeModel.parse(composeAfter,
                        app.slipway.core.compose.ComposeModel.activeProfiles(env.env().values())).serviceNames()),
                profile, env.env().values());
        List<String> pulls = images.toPull().isEmpty()
                ? profile.images().stream().map(i -> i + ":" + to).toList() : images.toPull();
        if (!env.added().isEmpty()) {
            notes.add(".env will get " + String.join(", ", env.added())
                    + (env.changed().isEmpty() ? "" : "; changed: " + String.join(", ", env.changed())) + ".");
        }
        var written = new StackFiles(dir, composeName, composeAfter, Optional.of(envAfter), env.env(),
                rerun ? existing.composeFiles() : List.of(composeName));
        StackProject located = rerun ? StackProject.locate(host, connection.engine(), existing)
                : StackProject.fromFiles(host, written);
        String project = located.name();
        List<ServiceContainer> containers = rerun ? connection.engine().containersOf(project) : List.of();
        boolean needsPort = !rerun || containers.stream().noneMatch(ServiceContainer::isRunning);
        String url = profile.health().url(env.env().values()).toString();
        var compose = new ComposeCommands(connection.compose(), dir, written.composeFiles(), project);

        // ---- the steps
        var steps = new StepList();
        steps.add(StepKind.CONNECT, List.of(connection.describe() + "."), List.of(), StepAction.NOTHING);
        steps.add(StepKind.READ, List.of(rerun
                ? dir + " holds a stack (" + existing.composeFileName() + "): this is a re-run; every .env value and secret is kept."
                : info.isPresent() ? dir + " exists and holds no stack: a fresh install into it."
                : dir + " does not exist yet: it is created."), List.of(), StepAction.NOTHING);
        steps.add(StepKind.PREFLIGHT, List.of(
                "Check " + connection.compose().describe() + " is recent enough and 1 GiB is free"
                        + (needsPort ? ", and the port of " + profile.health().urlTemplate() + " is free." : "."),
                "Pull " + String.join(", ", pulls) + ".",
                "Take the lock " + dir + "/.slipway/lock."), List.of(), run -> {
                    InstallPreflight.requireCompose(connection.compose(), host.describe());
                    if (info.isPresent()) refuseWhenLocked(host, dir);
                    InstallPreflight.requireFreeDisk(host, dir);
                    // A running stack holds its own port; only an install that starts it afresh needs it free.
                    if (needsPort) InstallPreflight.requirePortFree(host, profile.health().url(env.env().values()),
                            profile.health().urlTemplate());
                    for (String ref : pulls) {
                        app.slipway.core.steps.ImageFetch.fetch(connection.engine(), profile, ref, "", run);
                    }
                    run.takeLock(); // the first write: it creates DIR and DIR/.slipway
                });
        if (rerun) {
            steps.add(StepKind.BACKUP, List.of("Copy " + existing.composeFileName() + " and .env, with the running images'"
                    + " digests and a manifest, to " + dir + "/backups/<UTC time>-install/."), List.of(),
                    run -> run.backupTaken(new BackupWriter().writeFiles(connection, existing, project, profile.name(),
                            from == null ? "unknown" : from, to, run.listener())));
            List<Command> removals = legacyRemovals(compose, existing, profile, containers);
            if (removals.isEmpty()) {
                steps.skip(StepKind.RENAME, "No legacy services (" + String.join(", ", profile.renames().keySet())
                        + ") to stop and remove.");
            } else {
                steps.add(StepKind.RENAME, List.of("Stop and remove the containers of legacy services "
                        + String.join(", ", profile.renames().keySet()) + " before anything new starts."), removals,
                        run -> StackActions.runAll(host, run, removals, "compose"));
            }
        } else {
            steps.skip(StepKind.BACKUP, "Fresh install: nothing to back up.");
            steps.skip(StepKind.RENAME, "Fresh install: no legacy services.");
        }
        List<String> write = new ArrayList<>();
        write.add((rerun ? "Refresh " + dir + "/" + composeName : "Write " + dir + "/" + composeName)
                + " from " + templateSource.location() + ".");
        write.add("Write " + dir + "/.env (mode 0600): " + profile.versionVariable() + "=" + to
                + (spec.env().isEmpty() ? "" : "; defaults for " + String.join(", ", spec.env().keySet()) + " where missing")
                + (options.sets().isEmpty() ? "" : "; your values for " + String.join(", ", options.sets().keySet())) + ".");
        if (!spec.secrets().isEmpty()) {
            write.add("Generate secrets only where missing, never rotated: " + String.join(", ", spec.secrets().keySet()) + ".");
        }
        steps.add(StepKind.PIN, "Write the compose file and .env", write, List.of(), run -> {
            host.mkdirs(dir);
            StackActions.replaceFile(host, dir + "/" + composeName, composeBefore, composeAfter, 0644);
            StackActions.replaceFile(host, dir + "/.env", envBefore, envAfter, 0600);
        });
        List<Command> up = List.of(compose.up(true));
        var newFiles = new FilesInForce(host, compose, dir + "/.env");
        steps.add(StepKind.RESTART, List.of("Start the stack, removing containers of services it no longer has."), up,
                run -> {
                    newFiles.readAhead();
                    StackActions.runAll(host, run, up, "compose");
                });
        steps.add(StepKind.VERIFY, List.of("Every service running (and healthy where it has a healthcheck); "
                + profile.health().urlTemplate() + " answers 2xx."), List.of(),
                run -> StackActions.verify(connection, run, project, newFiles, profile, images.following()));
        steps.add(StepKind.RECORD, List.of("Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock."),
                List.of(), StepAction.NOTHING);

        Recovery recovery = Recovery.NONE;
        if (rerun) {
            String oldProject = project; // the same containers, the same name: a re-run never starts a second project
            var back = new StepList(steps.size());
            back.add(StepKind.RESTORE_FILES, "Restore the previous files", List.of("If a step from the rename on fails: "
                    + "write the previous " + composeName + " and .env back, byte for byte."), List.of(),
                    run -> run.snapshot().restoreFiles(host));
            back.add(StepKind.RESTART, "Restart the previous stack", List.of("Start what ran before."), up,
                    run -> StackActions.runAll(host, run, up, "compose"));
            back.add(StepKind.VERIFY, "Verify the previous stack", List.of("Check the health URL and every service again."),
                    List.of(), run -> StackActions.verify(connection, run, oldProject, compose, profile, dir + "/.env"));
            recovery = new Recovery(run -> run.snapshotTaken(Snapshot.take(host, existing, List.of())), back.steps());
        }
        Set<String> secretKeys = spec.secrets().keySet();
        return new Plan(RunKind.INSTALL, host.describe(), dir, profile.name(), from == null ? "none" : from, to, notes,
                steps.steps(), recovery, new Plan.LockTerms("install " + to, false), Journaling.BEGIN,
                new InstallWording(profile.name(), dir, host.describe(), Targets.hostOption(host), to, from, rerun, url),
                new SecretRedactor(env.env().values(), secretKeys), Optional.of(url));
    }

    /**
     * Stops and removes the legacy services' containers before anything new starts (never two
     * consumers of one queue): {@code rm -f -s} for a legacy service still in the compose file, and
     * {@code docker rm -f} for containers an installer left after renaming the service in the file.
     */
    private static List<Command> legacyRemovals(ComposeCommands compose, StackFiles existing, Profile profile,
                                                List<ServiceContainer> containers) {
        var commands = new ArrayList<Command>();
        List<String> inFile = profile.renames().keySet().stream()
                .filter(legacy -> ComposeFileEditor.hasService(existing.composeText(), legacy, existing.composeFileName()))
                .toList();
        if (!inFile.isEmpty()) commands.add(compose.rm(inFile));
        for (ServiceContainer c : containers) {
            if (profile.renames().containsKey(c.service()) && !inFile.contains(c.service())) {
                commands.add(Command.of("docker", "rm", "-f", c.id()));
            }
        }
        return commands;
    }

    private static void refuseWhenLocked(Target host, String dir) {
        Optional<LockOwner> holder = StackLock.holder(host, dir);
        if (holder.isPresent()) {
            throw SlipwayException.refused("Another Slipway run holds the lock on " + dir + " (" + holder.get().who()
                    + ", pid " + holder.get().pid() + ": " + holder.get().command() + "); wait for it to finish.");
        }
    }

    /** An older installer may have nested a second install one level down: say so, never add another. */
    private static List<String> nestedInstalls(Target host, String dir) {
        var found = new ArrayList<String>();
        for (String entry : host.list(dir)) {
            String sub = dir + "/" + entry;
            if (!host.stat(sub).map(FileInfo::directory).orElse(false)) continue;
            StackFilesReader.composeFileIn(host, sub).ifPresent(name -> found.add(sub + "/" + name
                    + " looks like a nested install left by another installer; Slipway installs into " + dir
                    + " itself and leaves it alone."));
        }
        return found;
    }


    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
