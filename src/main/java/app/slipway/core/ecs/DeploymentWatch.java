package app.slipway.core.ecs;

import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.UnhealthyStack;
import app.slipway.core.verify.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Follows one deployment — the one UpdateService started — to its end. COMPLETED is success;
 * FAILED, or gone from the service (the circuit breaker rolled it back and the service now looks
 * stable on the old revision), is a failure; so is Slipway's own deadline, for a breaker that is
 * off or never trips. Waiting for "the service is stable" instead would call a rolled-back
 * deployment a success. The service's events are passed on as they appear.
 */
final class DeploymentWatch {
    private final AwsSession aws;
    private final String cluster;
    private final EcsTiming timing;
    private final RunListener listener;

    DeploymentWatch(AwsSession aws, String cluster, EcsTiming timing, RunListener listener) {
        this.aws = aws;
        this.cluster = cluster;
        this.timing = timing;
        this.listener = listener;
    }

    /**
     * Returns once {@code deploymentId} of {@code service} has COMPLETED; throws {@link UnhealthyStack} otherwise.
     *
     * @param before the service as it was when the deployment started: its events are not news
     */
    void follow(String service, String deploymentId, TaskDefinition running, Service before) throws InterruptedException {
        Instant deadline = Instant.now().plus(timing.deadline());
        Set<String> seen = new HashSet<>();
        before.events().forEach(e -> seen.add(e.id()));
        Integer lastRunning = null;
        while (true) {
            Optional<Service> read = describe(service);
            if (read.isPresent()) {
                Service s = read.get();
                report(s, seen);
                Optional<Deployment> mine = s.deployments().stream().filter(d -> deploymentId.equals(d.id())).findFirst();
                if (mine.isEmpty()) {
                    throw failed(service, deploymentId, running, "its deployment " + deploymentId
                            + " is gone: ECS replaced it (the circuit breaker rolled the service back to "
                            + EcsService.revisionName(s.taskDefinition()) + ")");
                }
                Deployment d = mine.get();
                String state = d.rolloutStateAsString();
                if ("COMPLETED".equals(state)) {
                    listener.on(new RunEvent.Notice(service + ": deployment completed, " + d.runningCount() + " of "
                            + d.desiredCount() + " new tasks running."));
                    return;
                }
                if ("FAILED".equals(state)) {
                    throw failed(service, deploymentId, running, "its deployment failed"
                            + (d.rolloutStateReason() == null ? "" : " (" + d.rolloutStateReason().strip() + ")"));
                }
                if (lastRunning == null || lastRunning != d.runningCount()) {
                    lastRunning = d.runningCount();
                    listener.on(new RunEvent.Notice(service + ": " + d.runningCount() + " of " + d.desiredCount()
                            + " new tasks running" + (d.failedTasks() != null && d.failedTasks() > 0
                            ? ", " + d.failedTasks() + " failed" : "") + "."));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw failed(service, deploymentId, running, "its deployment did not complete within "
                        + words(timing.deadline()) + " (the circuit breaker did not stop it)");
            }
            timing.sleeper().sleep(timing.pollEvery());
        }
    }

    /** The service now; empty when AWS kept throttling this poll (the next one asks again). */
    private Optional<Service> describe(String service) {
        try {
            var answer = aws.ecs().describeServices(r -> r.cluster(cluster).services(service));
            return answer.services().stream().findFirst();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) return Optional.empty();
            throw AwsFailures.sentence("ecs:DescribeServices of " + service, e);
        }
    }

    private void report(Service s, Set<String> seen) {
        List<ServiceEvent> events = s.events();
        for (int i = events.size() - 1; i >= 0; i--) { // newest first in the answer; said oldest first
            ServiceEvent e = events.get(i);
            if (e.id() != null && seen.add(e.id())) {
                listener.on(new RunEvent.LogLine(s.serviceName(), e.message()));
            }
        }
    }

    private UnhealthyStack failed(String service, String deploymentId, TaskDefinition running, String why) {
        List<String> lines = EcsLogs.lastLines(aws, cluster, service, running, deploymentId);
        return new UnhealthyStack(service + ": " + why, Map.of(service, lines));
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s % 60 == 0 && s >= 60) return (s / 60) + " min";
        return s + " s";
    }
}
