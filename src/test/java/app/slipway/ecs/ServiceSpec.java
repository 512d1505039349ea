package app.slipway.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A service to create on the stand-in, as someone would set it up in the console: revision 1 of a task definition
 * (host networking, EC2, roles, awslogs) and an ACTIVE service with a load balancer and the circuit breaker on.
 * {@link #create()} waits until its first deployment completed.
 */
public final class ServiceSpec {
    private record Secret(String container, String name, String valueFrom) {}

    private record Container(String name, String image, List<String> command, Map<String, String> environment, int port) {}

    private final String cluster;
    private final String name;
    private final String family;
    private final Consumer<ServiceSpec> creator;
    private final List<Container> containers = new ArrayList<>();
    private final List<Secret> secrets = new ArrayList<>();
    private String logGroup;
    private String streamPrefix;
    private String healthPath;
    private Duration healthGrace = Duration.ofSeconds(10);
    private boolean breaker = true;
    private boolean rollback = true;
    private String controller = "ECS";
    private int desiredCount = 1;

    ServiceSpec(String cluster, String name, String family, Consumer<ServiceSpec> creator) {
        this.cluster = cluster;
        this.name = name;
        this.family = family;
        this.creator = creator;
    }

    /** A container; {@code port} 0 = no port mapping (else containerPort = hostPort, host networking). */
    public ServiceSpec container(String name, String image, List<String> command, Map<String, String> environment, int port) {
        containers.add(new Container(name, image, List.copyOf(command), Map.copyOf(environment), port));
        return this;
    }

    /** A {@code containerDefinitions[].secrets} entry (the stand-in passes {@code valueFrom} as the value). */
    public ServiceSpec secret(String container, String name, String valueFrom) {
        secrets.add(new Secret(container, name, valueFrom));
        return this;
    }

    /** awslogs on every container: group, region (the stand-in's) and stream prefix. */
    public ServiceSpec awslogs(String group, String streamPrefix) {
        this.logGroup = group;
        this.streamPrefix = streamPrefix;
        return this;
    }

    /** The target group's health check path: a task must answer 2xx there within the grace period. */
    public ServiceSpec healthPath(String path) {
        this.healthPath = path;
        return this;
    }

    public ServiceSpec healthGrace(Duration grace) {
        this.healthGrace = grace;
        return this;
    }

    public ServiceSpec circuitBreaker(boolean enable, boolean rollback) {
        this.breaker = enable;
        this.rollback = rollback;
        return this;
    }

    /** "ECS" (default), "CODE_DEPLOY" or "EXTERNAL". */
    public ServiceSpec controller(String type) {
        this.controller = type;
        return this;
    }

    public ServiceSpec desiredCount(int n) {
        this.desiredCount = n;
        return this;
    }

    /** Registers revision 1, creates the service and waits (at most 60 s) until its first deployment COMPLETED. */
    public void create() {
        if (containers.isEmpty()) throw new IllegalStateException("service " + name + " needs a container");
        creator.accept(this);
    }

    ServiceState service() {
        ServiceState s = new ServiceState(cluster, name, controller, breaker, rollback, healthPath, healthGrace, desiredCount);
        containers.stream().filter(c -> c.port > 0).findFirst().ifPresent(c -> {
            s.targetContainer = c.name;
            s.targetPort = c.port;
        });
        return s;
    }

    /** A RegisterTaskDefinition request as the console would send it. */
    ObjectNode taskDefinition() {
        ObjectNode td = TaskState.JSON.createObjectNode();
        td.put("family", family);
        td.put("taskRoleArn", "arn:aws:iam::" + Arns.ACCOUNT + ":role/" + family + "-task");
        td.put("executionRoleArn", "arn:aws:iam::" + Arns.ACCOUNT + ":role/ecsTaskExecutionRole");
        td.put("networkMode", "host");
        ArrayNode defs = td.putArray("containerDefinitions");
        for (Container c : containers) {
            ObjectNode d = defs.addObject();
            d.put("name", c.name).put("image", c.image).put("cpu", 0);
            ArrayNode ports = d.putArray("portMappings");
            if (c.port > 0) ports.addObject().put("containerPort", c.port).put("hostPort", c.port).put("protocol", "tcp");
            d.put("essential", true);
            if (!c.command.isEmpty()) c.command.forEach(d.putArray("command")::add);
            ArrayNode env = d.putArray("environment");
            c.environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> env.addObject().put("name", e.getKey()).put("value", e.getValue()));
            d.putArray("mountPoints");
            d.putArray("volumesFrom");
            ArrayNode ss = d.putArray("secrets");
            secrets.stream().filter(s -> s.container.equals(c.name))
                    .forEach(s -> ss.addObject().put("name", s.name).put("valueFrom", s.valueFrom));
            if (ss.isEmpty()) d.remove("secrets");
            if (logGroup != null) {
                ObjectNode log = d.putObject("logConfiguration");
                log.put("logDriver", "awslogs");
                log.putObject("options").put("awslogs-group", logGroup).put("awslogs-region", Arns.REGION)
                        .put("awslogs-stream-prefix", streamPrefix);
                log.putArray("secretOptions");
            }
            d.putArray("systemControls");
        }
        td.putArray("volumes");
        td.putArray("placementConstraints");
        td.putArray("requiresCompatibilities").add("EC2");
        td.put("cpu", "256").put("memory", "512");
        return td;
    }
}
