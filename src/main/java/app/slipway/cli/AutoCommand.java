package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.auto.AutoDecision;
import app.slipway.core.auto.AutoMemory;
import app.slipway.core.check.CheckResult;
import app.slipway.core.host.Target;
import app.slipway.core.notify.Notification;
import app.slipway.core.notify.NotifyFile;
import app.slipway.core.notify.Notifier;
import app.slipway.core.policy.PolicyFile;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.schedule.Frequency;
import app.slipway.core.schedule.Schedule;
import app.slipway.core.schedule.SchedulePlanner;
import app.slipway.core.schedule.TargetFacts;
import app.slipway.core.state.Journal;
import app.slipway.core.upgrade.UpgradeOptions;
import app.slipway.core.upgrade.UpgradePlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway auto}: {@code check}, then — when the policy is unattended and no breaking change
 * lies on the way — the upgrade {@code upgrade} would run, backup included, without asking. The
 * channels of notify.yml hear of an update left to a person and of every run. {@code --schedule}
 * instead writes a systemd timer (or a cron line) that runs it on the target.
 */
@Command(name = "auto", mixinStandardHelpOptions = true,
        description = "Checks for a newer release the stack's policy allows and, when the policy is unattended and no breaking"
                + " change lies on the way, upgrades to it (with a backup, rolled back on failure) without asking."
                + " With --schedule, writes a systemd timer (or a cron line) on the target that runs it there.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:up to date, or upgraded (or, with --schedule, the schedule is written)",
            "100:a newer allowed release waits for a person (not unattended, or breaking changes)",
            "  2:bad input (options, policy.yml, notify.yml)",
            "  3:refused before any change",
            "  4:the upgrade failed and was rolled back",
            "  5:the upgrade failed and the rollback failed too",
            "  1:internal error (a bug)"})
public final class AutoCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Option(names = "--schedule", paramLabel = "WHEN",
            description = "daily or hourly: write a systemd timer (or, without systemd, a cron line) on the target that runs"
                    + " slipway auto there, print what was written, and stop.")
    String schedule;
    @Option(names = "--slipway", paramLabel = "PATH",
            description = "With --schedule: the Slipway command on the target (default: slipway on its PATH).")
    String slipway;
    @Option(names = "--json", description = "Print one JSON object on stdout: the decision and the check, and the"
            + " upgrade's outcome when one ran (progress and who was told go to stderr).")
    boolean json;
    @Option(names = "--cache-dir", hidden = true, description = "Cache directory (default $SLIPWAY_CACHE_DIR, else ~/.cache/slipway).")
    Path cacheDir;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (schedule != null) {
            if (json) {
                throw SlipwayException.badInput("--json is for a check and its upgrade, not for --schedule: leave one out.");
            }
            return schedule();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection connection = target.connect()) {
            StackCheck stackCheck = StackCheck.read(connection, stack);
            String directory = stackCheck.directory();
            String where = connection.target().describe();
            var notifier = new Notifier(NotifyFile.channels(connection.target(), directory, System::getenv));
            CheckResult result = stackCheck.check(connection, Optional.ofNullable(cacheDir));
            result.notices().forEach(err::println);
            AutoMemory memory = AutoMemory.read(connection.target(), directory);
            AutoDecision decision = AutoDecision.of(result, memory);
            if (!json) {
                out.println(decision.sentence());
                out.flush();
            }
            var told = new ArrayList<app.slipway.core.notify.Delivery>();
            if (decision.upgradeTo().isEmpty()) {
                if (decision.needsPerson()) {
                    String offered = result.newestAllowed().get().tag();
                    if (notifier.hasChannels() && !memory.notified().equals(Optional.of(offered))) {
                        told.addAll(notifier.send(Notification.updateAvailable(result, where, directory)));
                        CheckOutput.deliveries(err, told);
                        memory.withNotified(offered).write(connection.target(), directory); // told once, not every hour
                    }
                }
                if (json) {
                    var root = new java.util.LinkedHashMap<String, Object>(autoJson(decision, result, told));
                    root.put("upgrade", null);
                    out.println(Json.write(root));
                    out.flush();
                }
                return decision.needsPerson() ? ExitCode.UPDATE_AVAILABLE.code : ExitCode.DONE.code;
            }
            Release to = decision.upgradeTo().get();
            RunResult run;
            var output = RunOutput.of(spec, json);
            try {
                String spelled = VersionSpelling.resolve(stackCheck.state().profile(), to.tag(), connection.logins());
                Plan plan = UpgradePlanner.plan(connection, stackCheck.state(), new UpgradeOptions(spelled, false, false, false),
                        Journal.find(connection.target(), directory));
                run = new Runner(connection.target(), plan, output.listener(plan)).run();
            } catch (SlipwayException refused) {
                // Nobody watches an unattended run: its refusal is told like any outcome.
                CheckOutput.deliveries(err, notifier.send(new Notification("upgrade", "refused", result.product(), where, directory,
                        Optional.of(result.current()), Optional.of(to.tag()), Optional.of(false), Optional.empty(), to.htmlUrl(),
                        Optional.of(refused.getMessage()))));
                throw refused;
            }
            if (run.exitCode() == ExitCode.ROLLED_BACK || run.exitCode() == ExitCode.ROLLBACK_FAILED) {
                memory.withFailed(to.tag()).write(connection.target(), directory); // never retried by itself
            }
            told.addAll(notifier.send(Notification.ofRun(run, result.product(), where, directory, Optional.of(false),
                    to.htmlUrl())));
            CheckOutput.deliveries(err, told);
            // the outcome's sentence is the last line, after who was told; in JSON, the run's own keys come first
            return output.finish(run, json ? autoJson(decision, result, told) : java.util.Map.of());
        }
    }

    /** What auto decided and the check it decided on, as {@code --json} prints them. */
    private static java.util.Map<String, Object> autoJson(AutoDecision decision, CheckResult result,
                                                         List<app.slipway.core.notify.Delivery> told) {
        var root = new java.util.LinkedHashMap<String, Object>();
        root.put("decision", decision.sentence());
        root.put("upgradeTo", decision.upgradeTo().map(Release::tag).orElse(null));
        root.put("needsPerson", decision.needsPerson());
        root.put("check", CheckOutput.asJson(result, Optional.of(told)));
        return root;
    }

    /**
     * The profile as the job on the target will name it: a built-in name as it is; a file by its
     * absolute path there, since the job does not start in this shell's directory.
     */
    private String scheduledProfile(Target t) {
        String profile = stack.profile;
        boolean file = profile.contains("/") || profile.endsWith(".yml") || profile.endsWith(".yaml");
        if (!file || profile.startsWith("/")) return profile;
        if (t.isRemote()) {
            throw SlipwayException.badInput("The scheduled job runs on " + t.describe() + ", where " + profile + " means nothing:"
                    + " give the profile file's absolute path on that server.");
        }
        return Path.of(profile).toAbsolutePath().normalize().toString();
    }

    /** {@code --schedule}: the timer or cron line, written on the target and printed as written. */
    private int schedule() {
        Frequency frequency = Frequency.parse(schedule).orElseThrow(() ->
                SlipwayException.badInput("--schedule " + schedule + " is not known: use daily or hourly."));
        try (Target t = target.openTarget()) {
            String directory = t.absolute(stack.directory);
            UpdatePolicy policy = PolicyFile.read(t, directory); // a broken policy.yml is refused now, not at 4 in the morning
            var args = new ArrayList<>(List.of("auto", "--dir", directory));
            if (stack.profile != null) args.addAll(List.of("--profile", scheduledProfile(t)));
            Schedule written = SchedulePlanner.plan(TargetFacts.probe(t), directory, args, Optional.ofNullable(slipway), frequency);
            SchedulePlanner.apply(t, written);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Scheduled slipway auto " + frequency.word() + " on " + t.describe() + " (" + written.kind() + ").");
            for (Schedule.File file : written.files()) {
                out.println();
                out.println("Wrote " + file.path() + ":");
                file.content().lines().forEach(l -> out.println("  " + l));
            }
            if (!written.commands().isEmpty()) out.println();
            for (app.slipway.core.host.Command command : written.commands()) out.println("Ran: " + command.display());
            if (!written.note().isEmpty()) out.println(System.lineSeparator() + written.note());
            if (!policy.unattended()) {
                out.println(System.lineSeparator() + "The policy leaves updates to a person (unattended: false in "
                        + PolicyFile.path(directory) + "): until it says true, the job only tells the channels of notify.yml.");
            }
            out.flush();
            return ExitCode.DONE.code;
        }
    }
}
