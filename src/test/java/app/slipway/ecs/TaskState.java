package app.slipway.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One task of a service, as DescribeTasks shows it; the scheduler changes it under the stand-in's lock. */
final class TaskState {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One container of the task. */
    static final class Container {
        final ContainerSpec spec;
        String runtimeId;
        String lastStatus = "PENDING";
        Integer exitCode;
        String reason;

        Container(ContainerSpec spec) {
            this.spec = spec;
        }
    }

    final String id = Arns.hex(16);
    final String cluster;
    final String arn;
    final ServiceState service;
    final DeploymentState deployment;
    final String taskDefinitionArn;
    final String cpu;
    final String memory;
    final List<Container> containers = new ArrayList<>();
    final double createdAt = Arns.now();
    String lastStatus = "PROVISIONING";
    String desiredStatus = "RUNNING";
    Double startedAt;
    Double stoppingAt;
    Double stoppedAt;
    String stoppedReason;
    String stopCode;
    /** Passed the load balancer's health check (or has none): counts as running for the deployment. */
    boolean healthy;
    /** A runner call (start, probe, poll, stop) is under way off the lock: the scheduler leaves the task alone. */
    boolean busy;
    long lastPolledMs;
    long version = 1;

    TaskState(ServiceState service, DeploymentState deployment, ObjectNode taskDefinition) {
        this.cluster = service.cluster;
        this.service = service;
        this.deployment = deployment;
        this.arn = Arns.task(cluster, id);
        this.taskDefinitionArn = taskDefinition.path("taskDefinitionArn").asText();
        this.cpu = taskDefinition.path("cpu").asText("0");
        this.memory = taskDefinition.path("memory").asText("0");
        taskDefinition.path("containerDefinitions").forEach(c -> containers.add(new Container(ContainerSpec.of(c))));
    }

    boolean alive() {
        return !lastStatus.equals("STOPPED");
    }

    boolean running() {
        return lastStatus.equals("RUNNING");
    }

    /** The container the load balancer forwards to: the first with a port mapping. */
    Container target() {
        return containers.stream().filter(c -> c.spec.port() > 0 && c.runtimeId != null).findFirst().orElse(null);
    }

    ObjectNode toJson() {
        ObjectNode t = JSON.createObjectNode();
        t.putArray("attachments");
        t.putArray("attributes").addObject().put("name", "ecs.cpu-architecture").put("value", "x86_64");
        t.put("availabilityZone", Arns.REGION + "a");
        t.put("clusterArn", Arns.cluster(cluster));
        t.put("containerInstanceArn", Arns.containerInstance(cluster));
        ArrayNode cs = t.putArray("containers");
        for (Container c : containers) {
            ObjectNode j = cs.addObject();
            j.put("containerArn", "arn:aws:ecs:" + Arns.REGION + ":" + Arns.ACCOUNT + ":container/" + cluster + "/" + id + "/"
                    + c.spec.name());
            j.put("taskArn", arn).put("name", c.spec.name()).put("image", c.spec.image());
            if (c.runtimeId != null) j.put("runtimeId", c.runtimeId);
            j.put("lastStatus", c.lastStatus);
            if (c.exitCode != null) j.put("exitCode", c.exitCode);
            if (c.reason != null) j.put("reason", c.reason);
            ArrayNode bindings = j.putArray("networkBindings");
            if (c.spec.port() > 0 && c.lastStatus.equals("RUNNING")) {
                bindings.addObject().put("bindIP", "0.0.0.0").put("containerPort", c.spec.port())
                        .put("hostPort", c.spec.port()).put("protocol", "tcp");
            }
            j.putArray("networkInterfaces");
            j.put("healthStatus", "UNKNOWN").put("cpu", "0");
        }
        t.put("cpu", cpu).put("memory", memory);
        t.put("createdAt", createdAt);
        t.put("desiredStatus", desiredStatus);
        t.put("enableExecuteCommand", false);
        t.put("group", "service:" + service.name);
        t.put("healthStatus", "UNKNOWN");
        t.put("lastStatus", lastStatus);
        t.put("launchType", "EC2");
        ObjectNode overrides = t.putObject("overrides");
        ArrayNode co = overrides.putArray("containerOverrides");
        containers.forEach(c -> co.addObject().put("name", c.spec.name()));
        overrides.putArray("inferenceAcceleratorOverrides");
        if (startedAt != null) {
            t.put("pullStartedAt", createdAt).put("pullStoppedAt", startedAt).put("startedAt", startedAt);
        }
        t.put("startedBy", deployment.id);
        if (stopCode != null) t.put("stopCode", stopCode);
        if (stoppedAt != null) t.put("stoppedAt", stoppedAt).put("executionStoppedAt", stoppedAt);
        if (stoppedReason != null) t.put("stoppedReason", stoppedReason);
        if (stoppingAt != null) t.put("stoppingAt", stoppingAt);
        t.putArray("tags");
        t.put("taskArn", arn);
        t.put("taskDefinitionArn", taskDefinitionArn);
        t.put("version", version);
        return t;
    }
}
