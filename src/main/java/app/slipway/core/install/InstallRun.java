package app.slipway.core.install;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.compose.ProjectName;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.StepKind;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.StepOutcome;
import app.slipway.core.run.UpgradeResult;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.Snapshot;
import app.slipway.core.state.StackLock;
import app.slipway.core.host.Command;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import app.slipway.core.verify.StackVerifier;
import app.slipway.core.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code install} (SPEC §5): a first install into an empty or missing directory, or the re-run on a
 * directory that already holds a stack. Preflight writes nothing; then the files are written, the
 * stack started and verified, and the outcome recorded. Emits events; prints nothing itself.
 *
 * <p>Exit codes: 0 done; 2 bad input; 3 refused before any change; a failed re-run restores the
 * previous compose file and .env byte for byte and restarts them (4, or 5 when that fails too); a
 * failed fresh install has nothing to roll back to and ends with 5, leaving the written files (so
 * a re-run keeps the generated secrets) and a message saying what failed and how to go on.
 */
public final class InstallRun {
    /** The steps, numbered as they are shown; re-using the upgrade's step kinds keeps one vocabulary. */
    static final List<StepKind> STEPS = List.of(StepKind.CONNECT, StepKind.READ, StepKind.PREFLIGHT, StepKind.BACKUP,
            StepKind.RENAME, StepKind.PIN, StepKind.RESTART, StepKind.VERIFY, StepKind.RECORD);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final Target target;
    private final Profile profile;
    private final InstallSpec spec;
    private final InstallOptions options;
    private final RunListener listener;
    private final Consumer<Map<String, String>> envKnown;
    private final SecureRandom random;
    private final String dir;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private Cancellation cancellation = Cancellation.none();

    // what preflight found and decided
    private boolean rerun;
    private StackFiles existing;
    private String composeName;
    private byte[] composeBytes;
    private EnvFile newEnv;
    private String from;
    private String to;
    private StackLock lock;
    // what the change did
    private Snapshot snapshot;
    private String backupId;

    /**
     * @param envKnown told the .env values once they are known (before any command runs), so the
     *                 caller can mask the secrets in what it prints
     */
    public InstallRun(Connection connection, String directory, Profile profile, InstallOptions options,
                      RunListener listener, Consumer<Map<String, String>> envKnown, SecureRandom random) {
        this.connection = connection;
        this.target = connection.target();
        this.profile = profile;
        this.spec = profile.requireInstall();
        this.options = options;
        this.listener = listener;
        this.envKnown = envKnown;
        this.random = random;
        this.dir = stripSlash(target.absolute(directory));
    }

    /** Lets the wizard's Cancel stop the run while nothing is written yet; returns this run. */
    public InstallRun cancellableBy(Cancellation c) {
        this.cancellation = c;
        return this;
    }

    public static int stepCount() {
        return STEPS.size();
    }

    public UpgradeResult run() {
        Instant started = Instant.now();
        try {
            step(StepKind.CONNECT, List.of(connection.describe()), () -> listener.on(new RunEvent.Notice(
                    "Docker Engine " + connection.engineVersion().version() + " (API " + connection.engineVersion().apiVersion()
                            + ") and " + connection.compose().describe() + " on " + target.describe() + ".")));
            step(StepKind.READ, List.of(dir), this::read);
            step(StepKind.PREFLIGHT, List.of("Compose version, free disk, the port, the images, the lock"), this::preflight);
            cancellation.close(); // from here on the run finishes or restores
        } catch (SlipwayException e) {
            releaseLock();
            return result(e.exitCode(), e.getMessage(), Map.of(), started);
        }
        try {
            if (rerun) {
                step(StepKind.BACKUP, List.of(dir + "/backups/<UTC time>-install"), this::backUpFiles);
                step(StepKind.RENAME, List.of(String.join(", ", profile.renames().keySet())), this::removeLegacyServices);
            } else {
                skip(StepKind.BACKUP, "fresh install: nothing to back up");
                skip(StepKind.RENAME, "fresh install: no legacy services");
            }
            step(StepKind.PIN, List.of("Write " + composeName + " and .env"), this::writeFiles);
            step(StepKind.RESTART, List.of("up -d --remove-orphans"), () -> run(compose().up(true), "compose"));
            step(StepKind.VERIFY, List.of(profile.health().urlTemplate()), () -> {
                VerifyResult verified = verify();
                if (!verified.healthy()) throw new Unhealthy(verified);
            });
        } catch (Unhealthy e) {
            return failed("the stack is not healthy: " + e.result.summary(), e.result.logs(), started);
        } catch (RuntimeException e) {
            return failed(String.valueOf(e.getMessage()), Map.of(), started);
        }
        step(StepKind.RECORD, List.of(dir + "/.slipway/history.jsonl"), () -> {
            record(HistoryEntry.SUCCEEDED, "installed " + to, started);
            releaseLock();
        });
        String url = profile.health().url(newEnv.values()).toString();
        return result(ExitCode.DONE, profile.name() + " " + to + " is " + (rerun ? "re-installed" : "installed")
                + ", running and healthy in " + dir + " on " + target.describe() + " (" + url + ")"
                + (backupId == null ? "." : "; the previous files are in " + dir + "/backups/" + backupId + "."),
                Map.of(), started);
    }

    // ------------------------------------------------------------------ read and preflight

    private void read() {
        Optional<FileInfo> info = target.stat(dir);
        if (info.isPresent() && !info.get().directory()) {
            throw SlipwayException.badInput(dir + " on " + target.describe()
                    + " is a file, not a directory: --dir takes the install directory.");
        }
        rerun = info.isPresent() && StackFilesReader.COMPOSE_FILE_NAMES.stream()
                .anyMatch(name -> target.stat(dir + "/" + name).map(f -> !f.directory()).orElse(false));
        if (rerun) {
            existing = StackFilesReader.read(target, dir);
            listener.on(new RunEvent.Notice(dir + " already holds a stack (" + existing.composeFileName()
                    + "): re-running the install keeps its .env values and secrets."));
        } else if (info.isPresent()) {
            noticeNestedInstalls();
        }
    }

    /** An older installer may have nested a second install one level down: say so, never add another. */
    private void noticeNestedInstalls() {
        for (String entry : target.list(dir)) {
            String sub = dir + "/" + entry;
            if (!target.stat(sub).map(FileInfo::directory).orElse(false)) continue;
            for (String name : StackFilesReader.COMPOSE_FILE_NAMES) {
                if (target.stat(sub + "/" + name).isPresent()) {
                    listener.on(new RunEvent.Notice(sub + "/" + name + " looks like a nested install left by another"
                            + " installer; Slipway installs into " + dir + " itself and leaves it alone."));
                    break;
                }
            }
        }
    }

    private void preflight() {
        InstallPreflight.requireCompose(connection.compose(), target.describe());
        Optional<LockOwner> holder = target.stat(dir).isPresent() ? StackLock.holder(target, dir) : Optional.empty();
        if (holder.isPresent()) {
            throw SlipwayException.refused("Another Slipway run holds the lock on " + dir + " (" + holder.get().who()
                    + ", pid " + holder.get().pid() + ": " + holder.get().command() + "); wait for it to finish.");
        }
        String existingEnv = existing != null ? existing.envText().orElse("")
                : target.stat(dir + "/.env").isPresent() ? new String(target.readFile(dir + "/.env"), StandardCharsets.UTF_8) : "";
        Optional<String> pinned = EnvFile.parse(existingEnv).get(profile.versionVariable()).filter(v -> !v.isBlank());
        from = pinned.orElse(null);
        if (options.to() == null && pinned.isEmpty()) {
            throw SlipwayException.badInput("Say which version of " + profile.name() + " to install with --to VERSION"
                    + " (an image tag of " + String.join(", ", profile.images()) + "); nothing was changed.");
        }
        to = options.to() != null ? EnvFile.requireValidVersion(options.to()) : pinned.get();

        var source = ComposeSourceReader.read(spec.compose());
        composeName = rerun ? existing.composeFileName() : source.fileName();
        String composeText = new String(source.content(), StandardCharsets.UTF_8);
        ComposeFileEditor.serviceNames(composeText, composeName); // a malformed file is refused here
        for (var rename : profile.renames().entrySet()) {
            if (ComposeFileEditor.hasService(composeText, rename.getKey(), composeName)
                    && !ComposeFileEditor.hasService(composeText, rename.getValue(), composeName)) {
                composeText = ComposeFileEditor.renameService(composeText, rename.getKey(), rename.getValue(), composeName);
            }
        }
        composeBytes = composeText.getBytes(StandardCharsets.UTF_8);

        InstallEnv.Result env = InstallEnv.merge(existingEnv, spec, profile.versionVariable(), options.sets(),
                options.to(), random);
        newEnv = env.env();
        envKnown.accept(newEnv.values());
        if (!env.added().isEmpty()) {
            listener.on(new RunEvent.Notice(".env will get " + String.join(", ", env.added())
                    + (env.changed().isEmpty() ? "" : "; changed: " + String.join(", ", env.changed())) + "."));
        }

        InstallPreflight.requireFreeDisk(target, dir);
        if (!rerun || runningContainers().isEmpty()) {
            // A running stack holds its own port; only an install that starts it afresh needs it free.
            InstallPreflight.requirePortFree(target, profile.health().url(newEnv.values()), profile.health().urlTemplate());
        }
        for (String image : profile.images()) {
            String ref = image + ":" + to;
            listener.on(new RunEvent.Notice("Pulling " + ref + "."));
            connection.engine().pull(image, to, new PullEvents(ref, listener, cancellation));
            cancellation.checkpoint();
        }
        // The first write: the lock (it creates DIR and DIR/.slipway).
        lock = StackLock.acquire(target, dir, LockOwner.current("install " + to), false);
    }

    private List<ServiceContainer> runningContainers() {
        return connection.engine().containersOf(project()).stream().filter(ServiceContainer::isRunning).toList();
    }

    // ------------------------------------------------------------------ changes

    private void backUpFiles() {
        String base = STAMP.format(Instant.now()) + "-install";
        target.mkdirs(dir + "/backups");
        String id = base;
        for (int n = 2; !target.createDirectory(dir + "/backups/" + id); n++) id = base + "-" + n;
        String folder = dir + "/backups/" + id;
        target.writeFileAtomically(folder + "/" + existing.composeFileName(), target.readFile(existing.composePath()), 0600);
        if (target.stat(existing.envPath()).isPresent()) {
            target.writeFileAtomically(folder + "/.env", target.readFile(existing.envPath()), 0600);
        }
        backupId = id;
        snapshot = Snapshot.take(target, existing, List.of());
        listener.on(new RunEvent.Notice("The previous " + existing.composeFileName() + " and .env are in " + folder + "."));
    }

    /** Stops and removes the legacy services' containers before anything new starts (no two consumers). */
    private void removeLegacyServices() {
        var oldCompose = new ComposeCommands(connection.compose(), dir, existing.composeFileName());
        for (String legacy : profile.renames().keySet()) {
            if (ComposeFileEditor.hasService(existing.composeText(), legacy, existing.composeFileName())) {
                run(oldCompose.stop(List.of(legacy)), legacy);
                run(oldCompose.rm(List.of(legacy)), legacy);
                listener.on(new RunEvent.LogLine("slipway", "Stopped and removed the legacy service '" + legacy + "'."));
            }
            // Containers left by an installer that already renamed the service in the file.
            for (ServiceContainer c : connection.engine().containersOf(project())) {
                if (legacy.equals(c.service())) {
                    run(Command.of("docker", "rm", "-f", c.id()), legacy);
                    listener.on(new RunEvent.LogLine("slipway", "Removed the leftover container " + c.name() + "."));
                }
            }
        }
    }

    private void writeFiles() {
        target.mkdirs(dir);
        target.writeFileAtomically(dir + "/" + composeName, composeBytes, rerun ? null : 0644);
        boolean envExists = target.stat(dir + "/.env").isPresent();
        target.writeFileAtomically(dir + "/.env", newEnv.text().getBytes(StandardCharsets.UTF_8), envExists ? null : 0600);
    }

    // ------------------------------------------------------------------ failure

    private UpgradeResult failed(String why, Map<String, List<String>> logs, Instant started) {
        if (!rerun) {
            String message = "The install of " + profile.name() + " " + to + " into " + dir + " failed (" + why + ")."
                    + " Nothing was there before, so nothing was rolled back: the compose file and .env (with its"
                    + " generated secrets) are kept, so after fixing the cause 'slipway install --dir " + dir
                    + hostHint() + " --profile …' completes it; 'docker compose down' in " + dir + " stops it meanwhile.";
            recordQuietly(HistoryEntry.FAILED, message, started);
            releaseLock();
            return result(ExitCode.ROLLBACK_FAILED, message, logs, started);
        }
        if (snapshot == null) {
            // The backup of the old files failed: the stack itself was not touched.
            releaseLock();
            return result(ExitCode.REFUSED, "Nothing was changed in " + dir + ": the previous compose file and .env could"
                    + " not be backed up first (" + why + "); check the space and permissions in " + dir + "/backups.",
                    logs, started);
        }
        listener.on(new RunEvent.Notice("The re-install failed (" + why + "); restoring the previous files."));
        try {
            snapshot.restoreFiles(target);
            run(new ComposeCommands(connection.compose(), dir, existing.composeFileName()).up(true), "compose");
            ComposeModel model = ComposeModelReader.read(target, new ComposeCommands(connection.compose(), dir,
                    existing.composeFileName()));
            Map<String, String> env = EnvFile.parse(new String(target.readFile(dir + "/.env"), StandardCharsets.UTF_8)).values();
            VerifyResult again = new StackVerifier().verify(connection, ProjectName.of(dirName(), env), model, profile,
                    env, listener);
            if (!again.healthy()) throw new IllegalStateException("after restoring, " + again.summary());
        } catch (RuntimeException e) {
            String message = "The re-install of " + profile.name() + " " + to + " in " + dir + " failed (" + why
                    + ") and restoring the previous files failed too (" + e.getMessage() + "). They are in " + dir
                    + "/backups/" + backupId + "; check 'docker compose ps' and the logs in " + dir + ".";
            recordQuietly(HistoryEntry.FAILED, message, started);
            releaseLock();
            return result(ExitCode.ROLLBACK_FAILED, message, logs, started);
        }
        String message = "The re-install of " + profile.name() + " " + to + " in " + dir + " failed (" + why
                + ") and was undone: the previous compose file and .env are back and running"
                + (from == null ? "." : " (" + from + ").");
        recordQuietly(HistoryEntry.ROLLED_BACK, "rolled back: " + why, started);
        releaseLock();
        return result(ExitCode.ROLLED_BACK, message, logs, started);
    }

    // ------------------------------------------------------------------ helpers

    private static final class Unhealthy extends RuntimeException {
        final transient VerifyResult result;

        Unhealthy(VerifyResult result) {
            super(result.summary());
            this.result = result;
        }
    }

    private interface Body {
        void run();
    }

    private PlanStep planStep(StepKind kind, List<String> details, boolean skipped) {
        return new PlanStep(STEPS.indexOf(kind) + 1, kind, details, List.of(), skipped);
    }

    private void step(StepKind kind, List<String> details, Body body) {
        PlanStep step = planStep(kind, details, false);
        long start = System.nanoTime();
        listener.on(new RunEvent.StepStarted(step));
        try {
            body.run();
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            outcomes.add(new StepOutcome(step, "failed", took));
            listener.on(new RunEvent.StepFailed(step, String.valueOf(e.getMessage()), took));
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        outcomes.add(new StepOutcome(step, "done", took));
        listener.on(new RunEvent.StepFinished(step, took));
    }

    private void skip(StepKind kind, String reason) {
        PlanStep step = planStep(kind, List.of(reason), true);
        outcomes.add(new StepOutcome(step, "skipped", Duration.ZERO));
        listener.on(new RunEvent.StepSkipped(step, reason));
    }

    private VerifyResult verify() {
        ComposeModel model = ComposeModelReader.read(target, compose());
        return new StackVerifier().verify(connection, project(), model, profile, newEnv.values(), listener);
    }

    private ComposeCommands compose() {
        return new ComposeCommands(connection.compose(), dir, composeName);
    }

    private String project() {
        Map<String, String> env = newEnv != null ? newEnv.values()
                : existing != null ? existing.env().values() : Map.of();
        return ProjectName.of(dirName(), env);
    }

    private String dirName() {
        return dir.substring(dir.lastIndexOf('/') + 1);
    }

    private void run(Command command, String source) {
        var result = target.exec(command, (stream, line) -> listener.on(new RunEvent.LogLine(source, line)));
        if (!result.ok()) {
            throw new IllegalStateException(command.display() + " exited with " + result.exitCode());
        }
    }

    private void record(String result, String message, Instant started) {
        History.append(target, dir, new HistoryEntry(LockOwner.current("install").who(), started.toString(), "install",
                from, to, result, backupId, Duration.between(started, Instant.now()).toMillis(), message));
    }

    private void recordQuietly(String result, String message, Instant started) {
        try {
            record(result, message, started);
        } catch (RuntimeException ignored) {
            // the outcome is in the result already
        }
    }

    private void releaseLock() {
        if (lock != null) lock.release();
        lock = null;
    }

    private String hostHint() {
        return target.isRemote() ? " --host " + target.describe() : "";
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private UpgradeResult result(ExitCode code, String message, Map<String, List<String>> logs, Instant started) {
        return new UpgradeResult(from, to, code, message, backupId, List.copyOf(outcomes), new LinkedHashMap<>(logs),
                Duration.between(started, Instant.now()));
    }
}
