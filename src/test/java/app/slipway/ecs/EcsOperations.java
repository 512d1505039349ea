package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/** The ECS operations, answering from {@link EcsState}; the caller holds the state's lock. */
final class EcsOperations {
    private final EcsState state;

    EcsOperations(EcsState state) {
        this.state = state;
    }

    /** The answer to {@code operation}, or null when the stand-in does not implement it. */
    ObjectNode answer(String operation, JsonNode body) {
        return switch (operation) {
            case "DescribeServices" -> describeServices(body);
            case "DescribeTaskDefinition" -> describeTaskDefinition(body);
            case "RegisterTaskDefinition" -> registerTaskDefinition(body);
            case "DeregisterTaskDefinition" -> object().set("taskDefinition",
                    state.taskDefinitions.deregister(body.path("taskDefinition").asText()).deepCopy());
            case "UpdateService" -> updateService(body);
            case "ListTasks" -> listTasks(body);
            case "DescribeTasks" -> describeTasks(body);
            default -> null;
        };
    }

    private static ObjectNode object() {
        return TaskState.JSON.createObjectNode();
    }

    private static String cluster(JsonNode body) {
        return body.path("cluster").asText("default");
    }

    private ObjectNode describeServices(JsonNode body) {
        // lenient on the cluster: an unknown one lists every service as MISSING (tests ask before creating any)
        Map<String, ServiceState> services;
        try {
            services = state.cluster(cluster(body));
        } catch (EcsError unknownCluster) {
            services = Map.of();
        }
        ObjectNode answer = object();
        ArrayNode found = answer.putArray("services");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode name : body.path("services")) {
            ServiceState s = services.get(Arns.last(name.asText()));
            if (s != null) found.add(s.toJson());
            else failures.addObject().put("arn", Arns.service(Arns.last(cluster(body)), Arns.last(name.asText())))
                    .put("reason", "MISSING");
        }
        return answer;
    }

    private ObjectNode describeTaskDefinition(JsonNode body) {
        ObjectNode td = state.taskDefinitions.require(body.path("taskDefinition").asText());
        ObjectNode answer = object();
        answer.set("taskDefinition", td.deepCopy());
        boolean withTags = false;
        for (JsonNode include : body.path("include")) withTags |= include.asText().equals("TAGS");
        if (withTags) {
            JsonNode tags = state.taskDefinitions.tagsOf(td.path("taskDefinitionArn").asText());
            answer.set("tags", tags == null ? TaskState.JSON.createArrayNode() : tags.deepCopy());
        }
        return answer;
    }

    private ObjectNode registerTaskDefinition(JsonNode body) {
        ObjectNode td = state.taskDefinitions.register(body);
        ObjectNode answer = object();
        answer.set("taskDefinition", td.deepCopy());
        if (body.has("tags")) answer.set("tags", body.get("tags").deepCopy());
        return answer;
    }

    private ObjectNode updateService(JsonNode body) {
        ServiceState s = state.requireService(cluster(body), body.path("service").asText());
        boolean force = body.path("forceNewDeployment").asBoolean(false);
        String td = s.taskDefinition;
        if (body.hasNonNull("taskDefinition")) {
            ObjectNode found = state.taskDefinitions.find(body.get("taskDefinition").asText());
            if (found == null) throw EcsError.invalid("TaskDefinition not found.");
            if (!found.path("status").asText().equals("ACTIVE")) throw EcsError.invalid("TaskDefinition is inactive");
            td = found.path("taskDefinitionArn").asText();
        }
        boolean newDeployment = force || !td.equals(s.taskDefinition);
        if (newDeployment && !s.controller.equals("ECS")) {
            throw EcsError.invalid(force && td.equals(s.taskDefinition)
                    ? "Cannot force a new deployment on services with a " + s.controller + " deployment controller. "
                            + "Use AWS CodeDeploy to trigger a new deployment."
                    : "Unable to update task definition on services with a " + s.controller + " deployment controller. "
                            + "Use AWS CodeDeploy to trigger a new deployment.");
        }
        if (body.has("desiredCount")) s.desiredCount = body.get("desiredCount").asInt();
        if (newDeployment) s.deploy(td, null);
        return object().set("service", s.toJson());
    }

    private ObjectNode listTasks(JsonNode body) {
        Map<String, ServiceState> services = state.cluster(cluster(body));
        String serviceName = body.path("serviceName").asText(null);
        if (serviceName != null) state.requireService(cluster(body), serviceName);
        String desired = body.path("desiredStatus").asText("RUNNING");
        String startedBy = body.path("startedBy").asText(null);
        String family = body.path("family").asText(null);
        List<TaskState> tasks = services.values().stream()
                .filter(s -> serviceName == null || s.name.equals(Arns.last(serviceName)))
                .flatMap(s -> s.tasks.stream())
                .filter(t -> t.desiredStatus.equals(desired))
                .filter(t -> startedBy == null || t.deployment.id.equals(startedBy))
                .filter(t -> family == null || Arns.last(t.taskDefinitionArn).startsWith(family + ":"))
                .toList();
        int max = Math.max(1, Math.min(100, body.path("maxResults").asInt(100)));
        int from = body.hasNonNull("nextToken") ? decodeToken(body.get("nextToken").asText()) : 0;
        int to = Math.min(tasks.size(), from + max);
        ObjectNode answer = object();
        ArrayNode arns = answer.putArray("taskArns");
        tasks.subList(Math.min(from, to), to).forEach(t -> arns.add(t.arn));
        if (to < tasks.size()) {
            answer.put("nextToken", Base64.getEncoder().encodeToString(("tasks:" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int decodeToken(String token) {
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).substring(6));
        } catch (RuntimeException e) {
            throw EcsError.invalid("Invalid token " + token);
        }
    }

    private ObjectNode describeTasks(JsonNode body) {
        ObjectNode answer = object();
        ArrayNode tasks = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode ref : body.path("tasks")) {
            state.task(cluster(body), ref.asText()).ifPresentOrElse(t -> tasks.add(t.toJson()),
                    () -> failures.addObject().put("arn", ref.asText().startsWith("arn:") ? ref.asText()
                            : Arns.task(Arns.last(cluster(body)), ref.asText())).put("reason", "MISSING"));
        }
        return answer;
    }
}
