package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.events.RunEvent;
import app.slipway.core.run.RunContext;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.UnhealthyStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The actions of an ECS plan's steps. Everything they do was decided by the planner (which
 * revision, which order); they make the calls and follow what AWS answers.
 */
final class EcsActions {
    private final AwsSession aws;
    private final EcsStack stack;
    private final EcsTiming timing;
    private final Optional<LoadBalancerCheck> check;
    private final EcsMoves moves = new EcsMoves();

    EcsActions(AwsSession aws, EcsStack stack, EcsTiming timing, Optional<LoadBalancerCheck> check) {
        this.aws = aws;
        this.stack = stack;
        this.timing = timing;
        this.check = check;
    }

    EcsMoves moves() {
        return moves;
    }

    private String cluster() {
        return stack.target().cluster();
    }

    /** The lock, then the services read again: nothing may have started or moved since the plan was read. */
    StepAction preflight() {
        return run -> {
            moves.clear();
            run.takeLock();
            var current = EcsReader.services(aws, stack.target()); // one call for them all, as the reading did
            for (int i = 0; i < current.size(); i++) {
                EcsService read = stack.services().get(i);
                Service now = current.get(i);
                var rolling = new EcsService(now, read.taskDefinition(), List.of(), 0).deploymentInProgress();
                if (rolling.isPresent()) throw inProgress(read.name(), rolling.get());
                if (!now.taskDefinition().equals(read.taskDefinition().taskDefinitionArn())) {
                    throw SlipwayException.refused(read.name() + " moved to " + EcsService.revisionName(now.taskDefinition())
                            + " since the plan was read (it was " + read.revision() + "): plan again from what runs now.");
                }
            }
        };
    }

    static SlipwayException inProgress(String service, Deployment d) {
        return SlipwayException.refused("Service " + service + " has a deployment in progress (" + d.id() + ", "
                + EcsService.revisionName(d.taskDefinition()) + "): wait until it has finished, then run this again.");
    }

    /** Writes the revisions every service runs now: where a failure and {@code ecs rollback} return to. */
    StepAction remember(Path directory, EcsRecord record) {
        return run -> {
            record.write(directory);
            run.backupTaken(new Backup(record.id(), EcsRecord.file(directory, record.id()).toString(), null));
        };
    }

    StepAction register(List<NewRevision> revisions) {
        return run -> {
            for (NewRevision r : revisions) {
                TaskDefinition td = AwsFailures.call("ecs:RegisterTaskDefinition of " + r.request().family(),
                        () -> aws.ecs().registerTaskDefinition(r.request())).taskDefinition();
                moves.registered(r.service().name(), td);
                run.listener().on(new RunEvent.Notice("Registered " + EcsService.revisionName(td.taskDefinitionArn())
                        + " for " + r.service().name() + "."));
            }
        };
    }

    /** Moves {@code service} to its new revision and follows that deployment to its end. */
    StepAction deploy(String service) {
        return run -> {
            TaskDefinition td = moves.registered(service)
                    .orElseThrow(() -> new IllegalStateException("no revision was registered for " + service));
            moveAndFollow(run, service, td);
        };
    }

    StepAction verify(String service) {
        return run -> {
            LoadBalancerCheck c = check.orElseThrow();
            try {
                c.await(timing.pollEvery(), timing.sleeper(), run.listener());
            } catch (IllegalStateException e) {
                TaskDefinition td = moves.registered(service).orElse(stack.service(service).taskDefinition());
                throw new UnhealthyStack(e.getMessage(), Map.of(service,
                        EcsLogs.lastLines(aws, cluster(), service, td, moves.deploymentOf(service))));
            }
        };
    }

    /** The way back for one service: to the revision it ran, unless this run never moved it. */
    StepAction returnTo(String service) {
        return run -> {
            if (!moves.wasMoved(service)) {
                run.listener().on(new RunEvent.Notice(service + " was not changed: nothing to return."));
                return;
            }
            returnService(run, service, stack.service(service).taskDefinition());
        };
    }

    /** Sets {@code service} to {@code previous} (an ECS rollback's step, or a failed upgrade's way back). */
    void returnService(RunContext run, String service, TaskDefinition previous) throws InterruptedException {
        String arn = previous.taskDefinitionArn();
        Service now = describe(service);
        if (now.taskDefinition().equals(arn)) {
            // The circuit breaker has already started (or finished) the way back: follow its deployment.
            Deployment primary = now.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                    .orElse(null);
            if (primary == null || "COMPLETED".equals(primary.rolloutStateAsString())) {
                run.listener().on(new RunEvent.Notice(service + " already runs " + EcsService.revisionName(arn) + "."));
                return;
            }
            run.listener().on(new RunEvent.Notice(service + " is going back to " + EcsService.revisionName(arn)
                    + " already (the circuit breaker's rollback); following it."));
            new DeploymentWatch(aws, cluster(), timing, run.listener()).follow(service, primary.id(), previous, now);
            return;
        }
        moveAndFollow(run, service, previous);
    }

    private void moveAndFollow(RunContext run, String service, TaskDefinition td) throws InterruptedException {
        String arn = td.taskDefinitionArn();
        Service before = describe(service);
        Service updated = AwsFailures.call("ecs:UpdateService of " + service, () -> aws.ecs().updateService(r -> r
                .cluster(cluster()).service(service).taskDefinition(arn).forceNewDeployment(true))).service();
        String deployment = updated.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()) && arn.equals(d.taskDefinition())).map(Deployment::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("ECS started no deployment of "
                        + EcsService.revisionName(arn) + " for " + service));
        moves.moved(service, deployment);
        run.listener().on(new RunEvent.Notice(service + ": deployment " + deployment + " of "
                + EcsService.revisionName(arn) + " started."));
        new DeploymentWatch(aws, cluster(), timing, run.listener()).follow(service, deployment, td, before);
    }

    private Service describe(String service) {
        var answer = AwsFailures.call("ecs:DescribeServices of " + service + " on cluster " + cluster(),
                () -> aws.ecs().describeServices(r -> r.cluster(cluster()).services(service)));
        return answer.services().stream().findFirst().orElseThrow(() -> SlipwayException.refused("Service " + service
                + " is no longer in cluster " + cluster() + ": nothing was changed by this step."));
    }
}
