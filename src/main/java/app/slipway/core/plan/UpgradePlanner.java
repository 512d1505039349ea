package app.slipway.core.plan;

import app.slipway.core.Connection;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ServiceModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.Profile;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stack's state and a target version into the ordered steps of SPEC §4. Pure: it reads
 * what was already inspected and changes nothing, so {@code plan} is exactly these descriptions.
 */
public final class UpgradePlanner {
    private UpgradePlanner() {}

    public static UpgradePlan plan(Connection connection, StackState stack, UpgradeOptions options) {
        return plan(connection, stack, options, Optional.empty());
    }

    /**
     * @param resumedFrom when finishing an interrupted run: the version it started from (the stack's
     *                    pin may already say the new one)
     */
    public static UpgradePlan plan(Connection connection, StackState stack, UpgradeOptions options,
                                   Optional<String> resumedFrom) {
        String to = EnvFile.requireValidVersion(options.toVersion());
        Profile profile = stack.profile();
        String from = resumedFrom.orElseGet(() -> stack.currentVersion().orElse("unknown"));
        String dir = stack.files().directory();
        ComposeCommands compose = stack.compose();
        Map<String, String> renames = legacyServicesPresent(stack, profile);

        var notes = new ArrayList<String>();
        if (resumedFrom.isPresent()) {
            notes.add("Finishing the interrupted upgrade from " + from + " to " + to + "; the steps already done are done again harmlessly.");
        } else if (from.equals(to)) {
            notes.add("The stack is already on " + to + ": the upgrade would re-pull and restart it.");
        }
        if (stack.pinnedVersion().isEmpty()) {
            notes.add(profile.versionVariable() + " is not set in .env; the running version was read from the containers.");
        }

        var steps = new ArrayList<PlanStep>();
        steps.add(step(steps, StepKind.CONNECT, List.of(
                "Use " + connection.describe() + ".",
                "Engine API " + connection.engineVersion().apiVersion() + "."), List.of()));
        steps.add(step(steps, StepKind.READ, List.of(
                "Compose file " + stack.files().composePath() + " and " + stack.files().envPath() + ".",
                "Product " + profile.name() + ", project '" + stack.project() + "', on " + from + ".",
                "Services: " + String.join(", ", stack.model().serviceNames()) + "."), List.of(compose.config())));
        steps.add(step(steps, StepKind.PREFLIGHT, preflightDetails(profile, from, to, dir), List.of()));
        steps.add(backupStep(steps, stack, profile, from, to, options.skipBackup()));
        steps.add(renameStep(steps, stack, renames));
        steps.add(step(steps, StepKind.PIN, List.of(pinDetail(stack, profile, to)), List.of()));
        steps.add(step(steps, StepKind.RESTART, List.of(
                "Start the new version and remove containers of services no longer in the compose file."),
                List.of(compose.up(true))));
        steps.add(step(steps, StepKind.VERIFY, verifyDetails(stack, profile, renames), List.of()));
        steps.add(step(steps, StepKind.RECORD, List.of(
                "Append the outcome to " + dir + "/.slipway/history.jsonl and release the lock.",
                "If any step from the rename on fails: restore .env and " + stack.files().composeFileName()
                        + " from the snapshot, start " + from + " again and verify it (exit 4)."), List.of()));
        return new UpgradePlan(connection.target().describe(), dir, profile.name(), from, to, notes, steps);
    }

    private static PlanStep step(List<PlanStep> before, StepKind kind, List<String> details, List<Command> commands) {
        return new PlanStep(before.size() + 1, kind, details, commands, false);
    }

    private static List<String> preflightDetails(Profile profile, String from, String to, String dir) {
        var details = new ArrayList<String>();
        details.add("Version '" + to + "' is a valid tag.");
        for (String image : profile.images()) {
            details.add("Pull " + image + ":" + to + " while " + from + " keeps serving; a missing tag stops here.");
        }
        details.add("Check free space for the backup.");
        details.add("Take the lock " + dir + "/.slipway/lock.");
        return details;
    }

    private static PlanStep backupStep(List<PlanStep> before, StackState stack, Profile profile,
                                       String from, String to, boolean skip) {
        int number = before.size() + 1;
        String dir = stack.files().directory();
        if (skip) {
            return new PlanStep(number, StepKind.BACKUP, List.of("Skipped (--skip-backup): no backup will be taken."),
                    List.of(), true);
        }
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
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
        return new PlanStep(number, StepKind.BACKUP, details, commands, false);
    }

    private static PlanStep renameStep(List<PlanStep> before, StackState stack, Map<String, String> renames) {
        int number = before.size() + 1;
        if (renames.isEmpty()) {
            return new PlanStep(number, StepKind.RENAME, List.of("Nothing to rename: no legacy services in "
                    + stack.files().composeFileName() + "."), List.of(), true);
        }
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
        renames.forEach((legacy, current) -> {
            long running = stack.containersOf(legacy).stream().filter(ServiceContainer::isRunning).count();
            details.add("Stop and remove the '" + legacy + "' containers (" + running + " running), so two consumers "
                    + "of the same queue never run at once.");
            details.add("Rename service '" + legacy + "' to '" + current + "' in " + stack.files().composeFileName()
                    + " (and in depends_on/links), keeping every comment and setting.");
            commands.add(stack.compose().rm(List.of(legacy))); // rm -f -s: stops, then removes
        });
        return new PlanStep(number, StepKind.RENAME, details, commands, false);
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
                + seconds(budget) + (startPeriod.isZero() ? "." : " (never less than the longest start_period, "
                + seconds(startPeriod) + ")."));
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

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
