package app.slipway.core.ecs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What a failing service has to say: why its newest tasks stopped (ECS's own reason, e.g.
 * {@code CannotPullContainerError}) and the last lines each container wrote to CloudWatch Logs
 * (awslogs: stream {@code PREFIX/CONTAINER/TASK-ID}). Reading them never fails the run: what
 * cannot be read is said in a line instead.
 */
final class EcsLogs {
    static final int LINES = 20;

    private EcsLogs() {}

    /** The last lines of {@code service}'s tasks started by {@code deploymentId} (any of its tasks when null). */
    static List<String> lastLines(AwsSession aws, String cluster, String service, TaskDefinition td,
                                  String deploymentId) {
        List<String> lines = new ArrayList<>();
        try {
            List<Task> tasks = tasks(aws, cluster, service, deploymentId);
            if (tasks.isEmpty()) {
                lines.add("(no task of this deployment was found)");
                return lines;
            }
            Task newest = tasks.get(0);
            for (Task t : tasks.subList(0, Math.min(3, tasks.size()))) {
                if (t.stoppedReason() != null) lines.add("task " + taskId(t.taskArn()) + " stopped: " + t.stoppedReason());
            }
            for (ContainerDefinition c : td.containerDefinitions()) {
                lines.addAll(containerLines(aws, c, taskId(newest.taskArn())));
            }
        } catch (SdkException e) {
            lines.add("(the logs could not be read: " + AwsFailures.sentence("reading the logs", e).getMessage() + ")");
        }
        return lines;
    }

    private static List<Task> tasks(AwsSession aws, String cluster, String service, String deploymentId) {
        List<String> arns = new ArrayList<>();
        for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
            aws.ecs().listTasksPaginator(r -> r.cluster(cluster).serviceName(service).desiredStatus(status))
                    .taskArns().forEach(arns::add);
        }
        if (arns.isEmpty()) return List.of();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> chunk = arns.subList(i, Math.min(i + 100, arns.size()));
            tasks.addAll(aws.ecs().describeTasks(r -> r.cluster(cluster).tasks(chunk)).tasks());
        }
        return tasks.stream().filter(t -> deploymentId == null || deploymentId.equals(t.startedBy()))
                .sorted(Comparator.comparing((Task t) -> Optional.ofNullable(t.createdAt())
                        .orElse(java.time.Instant.EPOCH)).reversed()).toList();
    }

    private static List<String> containerLines(AwsSession aws, ContainerDefinition c, String taskId) {
        var config = c.logConfiguration();
        if (config == null || !"awslogs".equals(config.logDriverAsString())) {
            return List.of("(container " + c.name() + " does not log to CloudWatch: "
                    + (config == null ? "no log configuration" : "log driver " + config.logDriverAsString()) + ")");
        }
        Map<String, String> options = config.options();
        String group = options.get("awslogs-group");
        String prefix = options.get("awslogs-stream-prefix");
        if (group == null || prefix == null) {
            return List.of("(container " + c.name() + " logs to CloudWatch without a stream prefix: its stream cannot be found)");
        }
        String stream = prefix + "/" + c.name() + "/" + taskId;
        try {
            List<OutputLogEvent> events = aws.logs().getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                    .limit(LINES).startFromHead(false)).events();
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(c.name() + " | " + e.message().stripTrailing()));
            if (lines.isEmpty()) lines.add("(container " + c.name() + " wrote nothing to " + group + " " + stream + ")");
            return lines;
        } catch (SdkException e) {
            return List.of("(no log stream " + stream + " in " + group + " for container " + c.name() + ")");
        }
    }

    static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
