package app.slipway.core.install;

import app.slipway.core.Connection;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.StepKind;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an install will do, step by step, before it does anything: the wizard's Plan page for the
 * install path. It reads only whether DIR already holds a stack; the run itself decides the rest
 * again (the same checks, the same order), so this is a description, never a promise kept apart.
 */
public final class InstallPlanner {
    private InstallPlanner() {}

    public record InstallPlan(String target, String directory, String product, String to, boolean rerun,
                              List<PlanStep> steps) {
        public InstallPlan {
            steps = List.copyOf(steps);
        }
    }

    public static InstallPlan plan(Connection connection, String directory, Profile profile, InstallOptions options) {
        Target target = connection.target();
        InstallSpec spec = profile.requireInstall();
        String dir = strip(target.absolute(directory));
        Optional<FileInfo> info = target.stat(dir);
        Optional<String> existingCompose = StackFilesReader.COMPOSE_FILE_NAMES.stream()
                .filter(name -> target.stat(dir + "/" + name).map(f -> !f.directory()).orElse(false))
                .findFirst();
        boolean rerun = existingCompose.isPresent();
        String to = options.to() == null ? "the version pinned in .env" : options.to();

        List<PlanStep> steps = new ArrayList<>();
        add(steps, StepKind.CONNECT, false, connection.describe());
        add(steps, StepKind.READ, false, rerun
                ? dir + " holds a stack (" + existingCompose.get() + "): this is a re-run; every .env value and secret is kept"
                : info.isPresent() ? dir + " exists and holds no stack: a fresh install into it"
                : dir + " does not exist yet: it is created");
        add(steps, StepKind.PREFLIGHT, false,
                "Check " + connection.compose().describe() + " is recent enough, 1 GiB is free and the port of "
                        + profile.health().urlTemplate() + " is free",
                "Pull " + String.join(", ", profile.images().stream().map(i -> i + ":" + to).toList()),
                "Take the lock " + dir + "/.slipway/lock");
        if (rerun) {
            add(steps, StepKind.BACKUP, false, "Copy " + existingCompose.get() + " and .env to " + dir + "/backups/<UTC time>-install/");
            add(steps, StepKind.RENAME, profile.renames().isEmpty(), profile.renames().isEmpty()
                    ? "the profile renames no services"
                    : "Stop and remove the containers of legacy services " + String.join(", ", profile.renames().keySet()));
        } else {
            add(steps, StepKind.BACKUP, true, "fresh install: nothing to back up");
            add(steps, StepKind.RENAME, true, "fresh install: no legacy services");
        }
        List<String> pin = new ArrayList<>();
        pin.add((rerun ? "Refresh " + dir + "/" + existingCompose.get() : "Write the compose file into " + dir)
                + " from " + spec.compose().location());
        pin.add("Write " + dir + "/.env (mode 0600): " + profile.versionVariable() + "=" + to
                + (spec.env().isEmpty() ? "" : "; defaults for " + String.join(", ", spec.env().keySet()) + " where missing")
                + (options.sets().isEmpty() ? "" : "; your values for " + String.join(", ", options.sets().keySet())));
        if (!spec.secrets().isEmpty()) {
            pin.add("Generate secrets only where missing, never rotated: " + String.join(", ", spec.secrets().keySet()));
        }
        steps.add(new PlanStep(steps.size() + 1, StepKind.PIN, pin, List.of(), false));
        add(steps, StepKind.RESTART, false, "Start the stack: " + connection.compose().describe() + " up -d --remove-orphans");
        add(steps, StepKind.VERIFY, false, "Every service running (and healthy where it has a healthcheck); "
                + profile.health().urlTemplate() + " answers 2xx");
        add(steps, StepKind.RECORD, false, "Append to " + dir + "/.slipway/history.jsonl");
        return new InstallPlan(target.describe(), dir, profile.name(), to, rerun, steps);
    }

    private static void add(List<PlanStep> steps, StepKind kind, boolean skipped, String... details) {
        steps.add(new PlanStep(steps.size() + 1, kind, List.of(details), List.of(), skipped));
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
