package app.slipway.core.ecs;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * One ECS service as it was read: the service, the task definition it runs (and that one's tags).
 *
 * @param latestRevision the newest revision of that task definition's family (the next one registered is one more)
 */
public record EcsService(Service service, TaskDefinition taskDefinition, List<Tag> tags, int latestRevision) {
    public EcsService {
        tags = List.copyOf(tags);
    }

    /** {@code family:N}: the name the next revision of this family will most likely get. */
    public String nextRevision() {
        return taskDefinition.family() + ":" + (Math.max(latestRevision, taskDefinition.revision()) + 1);
    }

    public String name() {
        return service.serviceName();
    }

    /** {@code family:revision}, the way the console and the CLI name a revision. */
    public String revision() {
        return revisionName(taskDefinition.taskDefinitionArn());
    }

    public String controller() {
        return service.deploymentController() == null ? "ECS" : service.deploymentController().typeAsString();
    }

    /** A deployment that has not finished: another one in the list, or the primary still rolling out. */
    public Optional<Deployment> deploymentInProgress() {
        List<Deployment> ds = service.deployments();
        return ds.stream().filter(d -> "IN_PROGRESS".equals(d.rolloutStateAsString())).findFirst()
                .or(() -> ds.size() > 1 ? ds.stream().filter(d -> !"PRIMARY".equals(d.status())).findFirst()
                        : Optional.empty());
    }

    /** {@code strata-web:4} from {@code arn:aws:ecs:…:task-definition/strata-web:4} (names pass as they are). */
    public static String revisionName(String arnOrName) {
        int slash = arnOrName.indexOf("task-definition/");
        return slash < 0 ? arnOrName : arnOrName.substring(slash + "task-definition/".length());
    }
}
