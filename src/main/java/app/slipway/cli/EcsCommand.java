package app.slipway.cli;

import app.slipway.core.ecs.AwsSession;
import app.slipway.core.ecs.EcsPlanner;
import app.slipway.core.ecs.EcsReader;
import app.slipway.core.ecs.EcsRecord;
import app.slipway.core.ecs.EcsRollbackPlanner;
import app.slipway.core.ecs.EcsStack;
import app.slipway.core.ecs.EcsStatus;
import app.slipway.core.ecs.EcsTarget;
import app.slipway.core.ecs.EcsTiming;
import app.slipway.core.ecs.EcsUpgradeOptions;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.profile.DurationText;
import app.slipway.core.profile.ProfileDetector;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.releases.RegistryTags;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Runner;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.verify.Sleeper;
import app.slipway.core.SlipwayException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway ecs}: the guided upgrade for a product whose services run on AWS ECS (README "AWS ECS"). */
@Command(name = "ecs", mixinStandardHelpOptions = true,
        description = "A product on AWS ECS: status, plan, and an upgrade that registers new task definition revisions"
                + " (only the product's image tags change) and deploys the services one after the other, each deployment"
                + " followed to the end; a failure returns the services already moved (exit 4).",
        subcommands = {EcsCommand.Status.class, EcsCommand.PlanIt.class, EcsCommand.Upgrade.class,
                EcsCommand.Rollback.class})
public final class EcsCommand {

    abstract static class EcsOptions {
        @Option(names = "--cluster", paramLabel = "C", required = true, description = "The ECS cluster (name or ARN).")
        String cluster;
        @Option(names = "--services", paramLabel = "S1,S2,…", hideParamSyntax = true, required = true, split = ",",
                description = "The services in update order (web first, then job), names or ARNs.")
        List<String> services;
        @Option(names = "--profile", paramLabel = "P", description = "The product's profile: a built-in name (strata)"
                + " or a profile file; detected from the images when omitted (not the AWS profile: see --aws-profile).")
        String profile;
        @Option(names = "--region", paramLabel = "R", description = "The AWS region; else AWS_REGION or your AWS profile's.")
        String region;
        @Option(names = "--aws-profile", paramLabel = "NAME", description = "A profile of ~/.aws whose credentials (and"
                + " region) to use, as 'aws --profile' does; else the AWS SDK's default chain (AWS_PROFILE, …).")
        String awsProfile;
        @Option(names = "--health-url", paramLabel = "URL", description = "The load balancer's address (e.g."
                + " https://strata.example.com); the profile's health path (/up) is added when the URL has none.")
        String healthUrl;
        @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "20m", description = "How long one"
                + " deployment may run before Slipway calls it failed (default: ${DEFAULT-VALUE}).")
        String deadline;
        @Option(names = "--poll-every", paramLabel = "DURATION", defaultValue = "5s", hidden = true,
                description = "How often a deployment is asked about.")
        String pollEvery;
        @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
        @Spec CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        AwsSession open() {
            return AwsSession.open(Optional.ofNullable(region), Optional.ofNullable(awsProfile));
        }

        EcsTarget target(AwsSession aws) {
            return new EcsTarget(aws.region(), cluster, services.stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList(), aws.profile());
        }

        EcsStack read(AwsSession aws) {
            return read(aws, target(aws), Optional.ofNullable(profile));
        }

        static EcsStack read(AwsSession aws, EcsTarget target, Optional<String> profile) {
            var loader = new ProfileLoader();
            return EcsReader.read(aws, target, profile.map(loader::load), ProfileDetector.withBuiltIns(loader));
        }

        EcsTiming timing() {
            return new EcsTiming(duration("--poll-every", pollEvery), duration("--deadline", deadline), Sleeper.REAL);
        }

        static Duration duration(String option, String text) {
            return DurationText.parse(text).filter(d -> !d.isNegative() && !d.isZero()).orElseThrow(() ->
                    SlipwayException.badInput(option + " " + text + " is not a duration: write it like 90s, 20m or 1h."));
        }

        static Path directory(EcsStack stack) {
            return EcsRecord.directory(stack.target().region(), stack.target().cluster());
        }

        /** Runs {@code plan} with this machine as its host: the cluster's lock, journal and history live here. */
        int run(Plan plan) {
            var output = RunOutput.of(spec, json);
            return output.finish(new Runner(new LocalTarget(), plan, output.listener(plan)).run());
        }

        void print(Plan plan, EcsStack stack) {
            if (json) {
                out().println(Json.write(PlanCommand.asJson(plan)));
            } else {
                var sb = new StringBuilder((plan.kind().word.equals("rollback") ? "Roll back " : "Upgrade ")
                        + plan.product() + " on " + plan.target() + ": " + plan.from() + " → " + plan.to() + "\n");
                out().println(stack.redactor().redact(PlanCommand.body(sb, plan)));
            }
            out().flush();
        }
    }

    /** plan and upgrade: a version to go to. */
    abstract static class ToVersion extends EcsOptions {
        @Option(names = "--to", paramLabel = "VERSION", required = true, description = "The version to upgrade to.") String to;

        Plan plan(AwsSession aws, EcsStack stack, boolean breakLock) {
            Path dir = directory(stack);
            return EcsPlanner.plan(aws, stack, new EcsUpgradeOptions(to, Optional.ofNullable(healthUrl), timing(),
                    breakLock, RegistryTags.standard()::tags), dir, EcsRecord.interrupted(dir));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "What each service runs (revision, images, tasks), and the last run recorded on this machine.")
    static final class Status extends EcsOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            try (AwsSession aws = open()) {
                EcsStack stack = read(aws);
                var status = EcsStatus.read(stack);
                out().println(json ? Json.write(status.json()) : status.text());
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Every step an ECS upgrade to VERSION would take: each service's current and new revision and"
                    + " image tags, in order. Changes nothing.")
    static final class PlanIt extends ToVersion implements Callable<Integer> {
        @Override
        public Integer call() {
            EnvFile.requireValidVersion(to);
            try (AwsSession aws = open()) {
                EcsStack stack = read(aws);
                print(plan(aws, stack, false), stack);
                return 0;
            }
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Registers the new revisions, then deploys each service in order, following its deployment"
                    + " and checking the health URL before the next. A failure returns the services already moved to"
                    + " their previous revisions, in reverse order (exit 4).")
    static final class Upgrade extends ToVersion implements Callable<Integer> {
        @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
        @Option(names = "--break-lock", description = "Take this cluster's lock even though a run that is gone holds it.")
        boolean breakLock;

        @Override
        public Integer call() {
            EnvFile.requireValidVersion(to);
            try (AwsSession aws = open()) {
                EcsStack stack = read(aws);
                Plan plan = plan(aws, stack, breakLock);
                Confirmation.require(yes, "Upgrade " + plan.product() + " on " + plan.target() + " ("
                        + String.join(", ", stack.target().services()) + ") from " + plan.from() + " to " + plan.to() + "?");
                return run(plan);
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Every service back to the revision it ran before the last ECS upgrade that succeeded (or"
                    + " the one that was interrupted), in reverse order. Without --profile and --health-url, that"
                    + " upgrade's are used.")
    static final class Rollback extends EcsOptions implements Callable<Integer> {
        @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
        @Option(names = "--break-lock", description = "Take this cluster's lock even though a run that is gone holds it.")
        boolean breakLock;

        @Override
        public Integer call() {
            try (AwsSession aws = open()) {
                // The upgrade's own profile unless given again (its rollback hint does not name it); the
                // planner takes its health URL the same way.
                EcsTarget target = target(aws);
                Path dir = EcsRecord.directory(target.region(), target.cluster());
                EcsStack stack = read(aws, target, Optional.ofNullable(profile)
                        .or(() -> EcsRecord.toReturnTo(dir).map(EcsRecord::profile)));
                Plan plan = EcsRollbackPlanner.plan(aws, stack, Optional.ofNullable(healthUrl), timing(), breakLock,
                        dir, EcsRecord.history(dir), EcsRecord.interrupted(dir));
                Confirmation.require(yes, "Return " + String.join(", ", stack.target().services()) + " on "
                        + plan.target() + " to the revisions they ran before (" + plan.to() + ")?");
                return run(plan);
            }
        }
    }
}
