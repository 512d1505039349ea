package app.slipway.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One deployment of a service (PRIMARY / ACTIVE, IN_PROGRESS / COMPLETED / FAILED) with its failure count. */
final class DeploymentState {
    final String id = Arns.deploymentId();
    final String taskDefinition;
    final double createdAt = Arns.now();
    double updatedAt = createdAt;
    String status = "PRIMARY";
    String rolloutState = "IN_PROGRESS";
    String rolloutStateReason;
    int failedTasks;
    /** A task of it passed its health check: failures no longer count (resetOnHealthyTask). */
    boolean healthyOnce;

    DeploymentState(String taskDefinition, String reason) {
        this.taskDefinition = taskDefinition;
        this.rolloutStateReason = reason != null ? reason : "ECS deployment " + id + " in progress.";
    }

    void roll(String state, String reason) {
        rolloutState = state;
        rolloutStateReason = reason;
        updatedAt = Arns.now();
    }

    ObjectNode toJson(ServiceState service) {
        ObjectNode d = TaskState.JSON.createObjectNode();
        d.put("id", id).put("status", status).put("taskDefinition", taskDefinition);
        d.put("desiredCount", status.equals("PRIMARY") ? service.desiredCount : 0);
        d.put("pendingCount", service.count(this, "PENDING") + service.count(this, "PROVISIONING"));
        d.put("runningCount", service.count(this, "RUNNING"));
        d.put("failedTasks", failedTasks);
        d.put("createdAt", createdAt).put("updatedAt", updatedAt);
        d.put("launchType", "EC2");
        d.put("rolloutState", rolloutState).put("rolloutStateReason", rolloutStateReason);
        return d;
    }
}
