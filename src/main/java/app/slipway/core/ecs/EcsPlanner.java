package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.steps.StepList;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans an ECS upgrade (README "AWS ECS") from what was read: a new revision of each service's task
 * definition in which only the product's image tags change, then each service in the order given —
 * deployed, its deployment followed to the end, the load balancer's health URL checked — before the
 * next. A failure sends the services already moved back to their previous revisions, in reverse order.
 */
public final class EcsPlanner {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EcsPlanner() {}

    /**
     * @param directory   this cluster's record on this machine ({@link EcsRecord#directory})
     * @param interrupted the journal an interrupted run left there, if any
     */
    public static Plan plan(AwsSession aws, EcsStack stack, EcsUpgradeOptions options, Path directory,
                            Optional<JournalEntry> interrupted) {
        interrupted.ifPresent(j -> {
            throw SlipwayException.refused(EcsSentences.interrupted(j, stack.target()));
        });
        for (EcsService s : stack.services()) {
            if (!"ECS".equals(s.controller())) {
                throw SlipwayException.refused("Service " + s.name() + " is deployed by " + s.controller()
                        + ", not by ECS's rolling deployments: Slipway upgrades only services on the ECS deployment"
                        + " controller.");
            }
            s.deploymentInProgress().ifPresent(d -> {
                throw EcsActions.inProgress(s.name(), d);
            });
        }
        String guess = spelled(options.to(), stack.version());
        List<NewRevision> guessed = revisions(stack, guess);
        if (guessed.stream().allMatch(NewRevision::unchanged)) {
            throw SlipwayException.badInput("Every service already runs " + stack.profile().name() + " " + guess
                    + ": there is nothing to upgrade.");
        }
        var images = ReleaseImages.check(guessed.stream().flatMap(r -> r.changes().stream()).map(ImageChange::to)
                .toList(), guess, options.tagsOf());
        String to = images.version();
        List<NewRevision> revisions = to.equals(guess) ? guessed : revisions(stack, to);
        EcsTarget target = stack.target();
        var check = LoadBalancerCheck.of(options.healthUrl(), stack.profile());
        var actions = new EcsActions(aws, stack, options.timing(), check);
        String id = ID_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "-" + stack.version() + "-to-" + to;
        var record = new EcsRecord(id, Instant.now().toString(), stack.profile().name(), stack.version(),
                stack.services().stream().map(s -> new EcsRecord.Revision(s.name(),
                        s.taskDefinition().taskDefinitionArn())).toList(), stack.profile().source(),
                check.map(c -> c.url().toString()).orElse(null));

        var steps = new StepList();
        steps.add(StepKind.CONNECT, "Connect to AWS", List.of("Region " + target.region() + ", credentials from the AWS"
                + " SDK's default chain (environment, ~/.aws profiles, SSO, instance role)."), List.of(), StepAction.NOTHING);
        steps.add(StepKind.READ, "Read the services", readDetails(stack), List.of(), StepAction.NOTHING);
        steps.add(StepKind.PREFLIGHT, List.of("Take this cluster's lock (" + directory + "/.slipway/lock).",
                "Read the services again: none may have a deployment in progress or have moved since this plan."),
                List.of(aws(java.util.stream.Stream.concat(java.util.stream.Stream.of("ecs", "describe-services",
                        "--cluster", target.cluster(), "--services"), target.services().stream()).toArray(String[]::new))),
                actions.preflight());
        steps.add(StepKind.BACKUP, "Remember the running revisions", List.of("Writes "
                + EcsRecord.file(directory, id) + ": " + revisionsText(stack)
                + " — where a failure, and 'slipway ecs rollback', return to."), List.of(),
                actions.remember(directory, record));
        List<NewRevision> changing = revisions.stream().filter(r -> !r.unchanged()).toList();
        steps.add(StepKind.REGISTER, "Register new revisions", registerDetails(changing),
                changing.stream().map(r -> aws("ecs", "register-task-definition", "--family", r.request().family(),
                        "--cli-input-json", "file://" + r.request().family() + ".json")).toList(),
                actions.register(changing));
        for (NewRevision r : revisions) {
            String name = r.service().name();
            if (r.unchanged()) {
                steps.skip(StepKind.DEPLOY, name + " runs no image of " + stack.profile().name() + ": left on "
                        + r.service().revision() + ".");
                continue;
            }
            steps.add(StepKind.DEPLOY, "Deploy " + name, List.of("Moves " + name + " from " + r.service().revision()
                    + " to " + r.service().nextRevision() + " (a new deployment), and follows that deployment"
                    + " until ECS says it completed; failed, rolled back by the circuit breaker, or still running after "
                    + DeploymentWatch.words(options.timing().deadline()) + " is a failure."),
                    List.of(aws("ecs", "update-service", "--cluster", target.cluster(), "--service", name,
                            "--task-definition", r.service().nextRevision(), "--force-new-deployment")),
                    actions.deploy(name));
            verifyStep(steps, check, name, actions);
        }
        steps.add(StepKind.RECORD, List.of("One line in " + directory + "/.slipway/history.jsonl."), List.of(),
                StepAction.NOTHING);

        var back = new StepList(steps.size());
        List<NewRevision> reversed = new ArrayList<>(changing);
        java.util.Collections.reverse(reversed);
        for (NewRevision r : reversed) {
            String name = r.service().name();
            back.add(StepKind.RETURN, "Return " + name + " to " + r.service().revision(), List.of("Runs only if "
                    + name + " was moved: back to " + r.service().revision() + ", that deployment followed to the end."),
                    List.of(aws("ecs", "update-service", "--cluster", target.cluster(), "--service", name,
                            "--task-definition", r.service().revision(), "--force-new-deployment")),
                    actions.returnTo(name));
        }
        check.ifPresent(c -> back.add(StepKind.VERIFY, "Verify the previous revisions", List.of("GET " + c.url()
                + " must answer 2xx within " + DeploymentWatch.words(c.budget()) + "."), List.of(),
                actions.verify(reversed.get(reversed.size() - 1).service().name())));

        List<String> notes = new ArrayList<>(stack.notes());
        notes.addAll(images.notes());
        if (check.isEmpty()) {
            notes.add("No --health-url given: ECS's own deployment result is the only check that the new version"
                    + " serves (give the load balancer's address to have " + stack.profile().health().url().getRawPath()
                    + " checked too).");
        }
        return new Plan(RunKind.UPGRADE, target.describe(), directory.toString(), stack.profile().name(),
                stack.version(), to, notes, steps.steps(), new Recovery(StepAction.NOTHING, back.steps()),
                new Plan.LockTerms("ecs upgrade", options.breakLock()), Journaling.BEGIN,
                new EcsWording(stack, to, actions.moves()), stack.redactor(),
                check.map(c -> c.url().toString()));
    }

    private static List<NewRevision> revisions(EcsStack stack, String version) {
        return stack.services().stream().map(s -> NewRevision.of(s, stack.profile(), version)).toList();
    }

    static void verifyStep(StepList steps, Optional<LoadBalancerCheck> check, String service, EcsActions actions) {
        if (check.isPresent()) {
            steps.add(StepKind.VERIFY, "Verify " + service, List.of("GET " + check.get().url() + " (through the load"
                    + " balancer, from this machine) must answer 2xx within " + DeploymentWatch.words(check.get().budget())
                    + "; if not, the last CloudWatch log lines of " + service + " are shown."), List.of(),
                    actions.verify(service));
        } else {
            steps.skip(StepKind.VERIFY, "No --health-url given: the completed deployment of " + service
                    + " is the check.");
        }
    }

    /** {@code 1.4.2} spelled like the running tag: {@code v1.4.2} when the images are tagged {@code v1.4.1}. */
    static String spelled(String asked, String running) {
        boolean runningV = running.matches("[vV]\\d.*");
        if (asked.matches("[vV]\\d.*") && !runningV && running.matches("\\d.*")) return asked.substring(1);
        if (asked.matches("\\d.*") && runningV) return running.charAt(0) + asked;
        return asked;
    }

    private static List<String> readDetails(EcsStack stack) {
        List<String> lines = new ArrayList<>();
        for (EcsService s : stack.services()) {
            var svc = s.service();
            lines.add(s.name() + ": " + s.revision() + ", " + svc.runningCount() + " of " + svc.desiredCount()
                    + " tasks running, circuit breaker " + breaker(s) + "; images "
                    + String.join(", ", s.taskDefinition().containerDefinitions().stream()
                    .map(c -> c.name() + "=" + c.image()).toList()) + ".");
        }
        return lines;
    }

    private static String breaker(EcsService s) {
        var config = s.service().deploymentConfiguration();
        var b = config == null ? null : config.deploymentCircuitBreaker();
        if (b == null || !Boolean.TRUE.equals(b.enable())) return "off";
        return Boolean.TRUE.equals(b.rollback()) ? "on (rolls back)" : "on (no rollback)";
    }

    static String revisionsText(EcsStack stack) {
        return String.join(", ", stack.services().stream().map(s -> s.name() + " → " + s.revision()).toList());
    }

    private static List<String> registerDetails(List<NewRevision> changing) {
        List<String> lines = new ArrayList<>();
        for (NewRevision r : changing) {
            lines.add(r.service().revision() + " → " + r.service().nextRevision() + " (new):");
            r.changes().forEach(c -> lines.add("  " + c.describe()));
            lines.add("  " + r.kept());
        }
        lines.add("Nothing runs a new revision until its service is deployed.");
        return lines;
    }

    static Command aws(String... argv) {
        var all = new ArrayList<String>();
        all.add("aws");
        all.addAll(List.of(argv));
        return new Command(all, null, java.util.Map.of());
    }
}
