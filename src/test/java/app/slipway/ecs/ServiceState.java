package app.slipway.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;

/** A service: its configuration, deployments (newest first), tasks and events (newest first, at most 100). */
final class ServiceState {
    final String cluster;
    final String name;
    final String arn;
    final double createdAt = Arns.now();
    final String controller;
    final boolean breakerEnabled;
    final boolean rollback;
    final String healthPath;
    final Duration healthGrace;
    final String targetGroupArn;
    int desiredCount;
    String taskDefinition;
    final List<DeploymentState> deployments = new ArrayList<>();
    final List<TaskState> tasks = new ArrayList<>();
    private final LinkedList<ObjectNode> events = new LinkedList<>();
    /** The deployment that completed last: where the circuit breaker rolls back to. */
    DeploymentState lastCompleted;
    LoadBalancer loadBalancer;
    /** The target group's container and port (the first container with a port mapping), or null. */
    String targetContainer;
    int targetPort;

    ServiceState(String cluster, String name, String controller, boolean breakerEnabled, boolean rollback,
            String healthPath, Duration healthGrace, int desiredCount) {
        this.cluster = cluster;
        this.name = name;
        this.arn = Arns.service(cluster, name);
        this.controller = controller;
        this.breakerEnabled = breakerEnabled;
        this.rollback = rollback;
        this.healthPath = healthPath;
        this.healthGrace = healthGrace;
        this.targetGroupArn = Arns.targetGroup(name);
        this.desiredCount = desiredCount;
    }

    DeploymentState primary() {
        return deployments.get(0);
    }

    /** A new PRIMARY deployment; the others become ACTIVE until they are dropped. */
    DeploymentState deploy(String taskDefinitionArn, String reason) {
        deployments.forEach(d -> d.status = "ACTIVE");
        DeploymentState d = new DeploymentState(taskDefinitionArn, reason);
        deployments.add(0, d);
        taskDefinition = taskDefinitionArn;
        return d;
    }

    void event(String message) {
        ObjectNode e = TaskState.JSON.createObjectNode();
        e.put("id", UUID.randomUUID().toString()).put("createdAt", Arns.now()).put("message", "(service " + name + ") " + message);
        events.addFirst(e);
        while (events.size() > 100) events.removeLast();
    }

    int count(DeploymentState d, String lastStatus) {
        return (int) tasks.stream().filter(t -> (d == null || t.deployment == d) && t.lastStatus.equals(lastStatus)).count();
    }

    ObjectNode toJson() {
        ObjectNode s = TaskState.JSON.createObjectNode();
        s.put("serviceArn", arn).put("serviceName", name).put("clusterArn", Arns.cluster(cluster));
        ArrayNode lbs = s.putArray("loadBalancers");
        if (targetContainer != null) {
            lbs.addObject().put("targetGroupArn", targetGroupArn).put("containerName", targetContainer)
                    .put("containerPort", targetPort);
        }
        s.putArray("serviceRegistries");
        s.put("status", "ACTIVE");
        s.put("desiredCount", desiredCount);
        s.put("runningCount", count(null, "RUNNING"));
        s.put("pendingCount", count(null, "PENDING") + count(null, "PROVISIONING"));
        s.put("launchType", "EC2");
        s.put("taskDefinition", taskDefinition);
        ObjectNode config = s.putObject("deploymentConfiguration");
        config.putObject("deploymentCircuitBreaker").put("enable", breakerEnabled).put("rollback", rollback);
        // host networking: two tasks of a service would clash on the port, so old tasks stop before new ones start
        config.put("maximumPercent", 100).put("minimumHealthyPercent", 0);
        ArrayNode ds = s.putArray("deployments");
        deployments.forEach(d -> ds.add(d.toJson(this)));
        s.put("roleArn", "arn:aws:iam::" + Arns.ACCOUNT + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        ArrayNode es = s.putArray("events");
        events.forEach(e -> es.add(e.deepCopy()));
        s.put("createdAt", createdAt);
        s.putArray("placementConstraints");
        s.putArray("placementStrategy").addObject().put("type", "spread").put("field", "attribute:ecs.availability-zone");
        if (healthPath != null) s.put("healthCheckGracePeriodSeconds", (int) healthGrace.toSeconds());
        s.put("schedulingStrategy", "REPLICA");
        s.putObject("deploymentController").put("type", controller);
        s.put("createdBy", "arn:aws:iam::" + Arns.ACCOUNT + ":role/admin");
        s.put("enableECSManagedTags", false);
        s.put("propagateTags", "NONE");
        s.put("enableExecuteCommand", false);
        return s;
    }
}
