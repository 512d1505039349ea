package app.slipway.core.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What one ECS run has done so far, for the steps after it and for the way back: the revisions it
 * registered, and the services it has moved (UpdateService answered) with their deployments.
 */
final class EcsMoves {
    private final Map<String, TaskDefinition> registered = new LinkedHashMap<>();
    private final Map<String, String> deployments = new LinkedHashMap<>();

    synchronized void clear() {
        registered.clear();
        deployments.clear();
    }

    synchronized void registered(String service, TaskDefinition revision) {
        registered.put(service, revision);
    }

    synchronized java.util.Optional<TaskDefinition> registered(String service) {
        return java.util.Optional.ofNullable(registered.get(service));
    }

    synchronized void moved(String service, String deploymentId) {
        deployments.put(service, deploymentId);
    }

    synchronized boolean wasMoved(String service) {
        return deployments.containsKey(service);
    }

    synchronized String deploymentOf(String service) {
        return deployments.get(service);
    }

    synchronized List<String> movedServices() {
        return new ArrayList<>(deployments.keySet());
    }

    synchronized List<String> registeredNames() {
        return registered.values().stream().map(td -> EcsService.revisionName(td.taskDefinitionArn())).toList();
    }
}
