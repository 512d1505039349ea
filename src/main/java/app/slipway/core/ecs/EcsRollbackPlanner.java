package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.run.Journaling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Recovery;
import app.slipway.core.run.RunContext;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.run.Wording;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.steps.StepList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Plans {@code ecs rollback}: every service back to the revision it ran before the last ECS upgrade
 * that succeeded — or before the one that was interrupted — in reverse update order, each
 * deployment followed to its end. A failed upgrade has already gone back by itself.
 */
public final class EcsRollbackPlanner {
    private EcsRollbackPlanner() {}

    /**
     * @param healthUrl   the load balancer's address; empty: the one the upgrade checked, if it had one
     * @param history     this cluster's history on this machine, oldest first
     * @param interrupted the journal an interrupted upgrade left, if any
     */
    public static Plan plan(AwsSession aws, EcsStack stack, Optional<String> healthUrl, EcsTiming timing,
                            boolean breakLock, Path directory, List<HistoryEntry> history,
                            Optional<JournalEntry> interrupted) {
        EcsTarget target = stack.target();
        String id = EcsRecord.idToReturnFrom(history, interrupted).orElseThrow(() ->
                SlipwayException.refused("No ECS upgrade of cluster " + target.cluster() + " in " + target.region()
                        + " that succeeded is recorded on this machine (" + directory + "): there is nothing to return to."));
        EcsRecord record = EcsRecord.read(directory, id).orElseThrow(() -> SlipwayException.refused("The revisions"
                + " to return to (" + EcsRecord.file(directory, id) + ") are not on this machine: return the services by"
                + " hand in the ECS console."));
        // the upgrade's own health URL unless another is given: the way back is checked where the way there was
        var check = LoadBalancerCheck.of(healthUrl.or(() -> Optional.ofNullable(record.healthUrl())), stack.profile());
        var actions = new EcsActions(aws, stack, timing, check);
        List<String> notes = new ArrayList<>();
        interrupted.ifPresent(j -> notes.add("An interrupted " + j.command() + " (" + j.from() + " → " + j.to()
                + ", started " + j.startedAt() + ") is what this returns from."));

        var steps = new StepList();
        steps.add(StepKind.CONNECT, "Connect to AWS", List.of("Region " + target.region() + "."), List.of(),
                StepAction.NOTHING);
        steps.add(StepKind.READ, "Read the services", List.of(EcsPlanner.revisionsText(stack) + " now; before "
                + record.id() + " they ran " + String.join(", ", record.services().stream()
                .map(r -> r.service() + " → " + EcsService.revisionName(r.taskDefinition())).toList()) + "."),
                List.of(), StepAction.NOTHING);
        steps.add(StepKind.PREFLIGHT, List.of("Take this cluster's lock (" + directory + "/.slipway/lock).",
                "Read the services again: none may have a deployment in progress."), List.of(), actions.preflight());
        List<String> reversed = new ArrayList<>(target.services());
        java.util.Collections.reverse(reversed);
        List<String> returning = new ArrayList<>();
        String lastChanged = null;
        for (String name : reversed) {
            Optional<String> previous = record.revisionOf(name);
            EcsService now = stack.service(name);
            if (previous.isEmpty()) {
                notes.add(name + " was not part of that upgrade: it is left as it is.");
                continue;
            }
            String revision = EcsService.revisionName(previous.get());
            if (previous.get().equals(now.taskDefinition().taskDefinitionArn())) {
                steps.skip(StepKind.RETURN, name + " already runs " + revision + ".");
                continue;
            }
            returning.add(name + " → " + revision);
            lastChanged = name;
            steps.add(StepKind.RETURN, "Return " + name + " to " + revision, List.of("From " + now.revision() + " back to "
                    + revision + " (a new deployment), followed until ECS says it completed."),
                    List.of(EcsPlanner.aws("ecs", "update-service", "--cluster", target.cluster(), "--service", name,
                            "--task-definition", revision, "--force-new-deployment")),
                    run -> actions.returnService(run, name, describe(aws, previous.get())));
        }
        if (lastChanged != null) EcsPlanner.verifyStep(steps, check, lastChanged, actions);
        steps.add(StepKind.RECORD, List.of("One line in " + directory + "/.slipway/history.jsonl."), List.of(),
                StepAction.NOTHING);
        String to = record.version();
        return new Plan(RunKind.ROLLBACK, target.describe(), directory.toString(), stack.profile().name(),
                stack.version(), to, notes, steps.steps(), Recovery.NONE, new Plan.LockTerms("ecs rollback", breakLock),
                Journaling.CLOSE_INTERRUPTED, new RollbackWording(target, returning), stack.redactor(),
                check.map(c -> c.url().toString()));
    }

    private static TaskDefinition describe(AwsSession aws, String arn) {
        return AwsFailures.call("ecs:DescribeTaskDefinition of " + EcsService.revisionName(arn),
                () -> aws.ecs().describeTaskDefinition(r -> r.taskDefinition(arn))).taskDefinition();
    }

    private record RollbackWording(EcsTarget target, List<String> returning) implements Wording.WithoutRecovery {
        @Override
        public String done(RunContext run) {
            return returning.isEmpty() ? "Every service already runs the revision it ran before that upgrade: nothing"
                    + " was changed." : "Back on the previous revisions: " + String.join(", ", returning) + ".";
        }

        @Override
        public String failedWithoutRecovery(String why, RunContext run) {
            return "Returning the services failed (" + why + "): set " + String.join(", ", returning)
                    + " in the ECS console, or run 'slipway ecs rollback " + target.options() + "' again.";
        }
    }
}
