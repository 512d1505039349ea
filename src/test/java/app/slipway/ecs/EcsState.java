package app.slipway.ecs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Everything ECS knows; the one lock: callers synchronize on this object. */
final class EcsState {
    final TaskDefinitions taskDefinitions = new TaskDefinitions();
    /** cluster → service name → service */
    private final Map<String, Map<String, ServiceState>> clusters = new LinkedHashMap<>();

    void add(ServiceState service) {
        Map<String, ServiceState> services = clusters.computeIfAbsent(service.cluster, c -> new LinkedHashMap<>());
        if (services.containsKey(service.name)) {
            throw new IllegalStateException("service " + service.name + " already exists in cluster " + service.cluster);
        }
        services.put(service.name, service);
    }

    /** A cluster name or ARN, "default" when absent; ClusterNotFoundException when unknown. */
    Map<String, ServiceState> cluster(String nameOrArn) {
        Map<String, ServiceState> services = clusters.get(Arns.last(nameOrArn == null ? "default" : nameOrArn));
        if (services == null) throw new EcsError(400, "ClusterNotFoundException", "Cluster not found.");
        return services;
    }

    Optional<ServiceState> service(String cluster, String nameOrArn) {
        return Optional.ofNullable(cluster(cluster).get(Arns.last(nameOrArn)));
    }

    ServiceState requireService(String cluster, String nameOrArn) {
        return service(cluster, nameOrArn)
                .orElseThrow(() -> new EcsError(400, "ServiceNotFoundException", "Service not found."));
    }

    Stream<ServiceState> services() {
        return clusters.values().stream().flatMap(m -> m.values().stream());
    }

    Optional<TaskState> task(String cluster, String arnOrId) {
        String id = Arns.last(arnOrId);
        return cluster(cluster).values().stream().flatMap(s -> s.tasks.stream())
                .filter(t -> Objects.equals(t.id, id)).findFirst();
    }
}
