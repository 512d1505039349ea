package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Task definition families and revisions, as ECS keeps them; callers hold the stand-in's lock. */
final class TaskDefinitions {
    /** RegisterTaskDefinitionRequest's members: anything else (e.g. a described revision's read-only fields) is refused. */
    private static final Set<String> REQUEST_MEMBERS = Set.of("family", "taskRoleArn", "executionRoleArn", "networkMode",
            "containerDefinitions", "volumes", "placementConstraints", "requiresCompatibilities", "cpu", "memory", "tags",
            "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform",
            "enableFaultInjection");

    /** family → revision → task definition */
    private final Map<String, Map<Integer, ObjectNode>> families = new LinkedHashMap<>();
    private final Map<String, JsonNode> tags = new LinkedHashMap<>();

    ObjectNode register(JsonNode request) {
        request.fieldNames().forEachRemaining(member -> {
            if (!REQUEST_MEMBERS.contains(member)) throw EcsError.client("Unknown parameter in input: \"" + member + "\"");
        });
        String family = request.path("family").asText("");
        if (family.isEmpty()) throw EcsError.client("Family is required.");
        if (request.path("containerDefinitions").isEmpty()) throw EcsError.client("Container list cannot be empty.");
        Map<Integer, ObjectNode> revisions = families.computeIfAbsent(family, f -> new LinkedHashMap<>());
        int revision = revisions.keySet().stream().max(Integer::compare).orElse(0) + 1;
        ObjectNode td = ((ObjectNode) request).deepCopy();
        JsonNode requestTags = td.remove("tags");
        String arn = Arns.taskDefinition(family, revision);
        td.put("taskDefinitionArn", arn);
        td.put("revision", revision);
        td.put("status", "ACTIVE");
        ArrayNode requires = td.putArray("requiresAttributes");
        requires.addObject().put("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18");
        td.path("containerDefinitions").forEach(c -> {
            if ("awslogs".equals(c.path("logConfiguration").path("logDriver").asText())) {
                requires.addObject().put("name", "com.amazonaws.ecs.capability.logging-driver.awslogs");
            }
            if (c.has("secrets")) requires.addObject().put("name", "ecs.capability.secrets.ssm.environment-variables");
        });
        td.putArray("compatibilities").add("EXTERNAL").add("EC2");
        td.put("registeredAt", Arns.now());
        td.put("registeredBy", "arn:aws:iam::" + Arns.ACCOUNT + ":user/slipway-standin");
        revisions.put(revision, td);
        if (requestTags != null) tags.put(arn, requestTags);
        return td;
    }

    /** {@code family} (latest ACTIVE), {@code family:revision} or an ARN; null when unknown. */
    ObjectNode find(String ref) {
        String familyRevision = ref.contains("task-definition/") ? ref.substring(ref.indexOf("task-definition/") + 16) : ref;
        int colon = familyRevision.indexOf(':');
        Map<Integer, ObjectNode> revisions = families.get(colon < 0 ? familyRevision : familyRevision.substring(0, colon));
        if (revisions == null) return null;
        if (colon >= 0) {
            try {
                return revisions.get(Integer.parseInt(familyRevision.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return revisions.values().stream().filter(td -> td.path("status").asText().equals("ACTIVE"))
                .max((a, b) -> Integer.compare(a.path("revision").asInt(), b.path("revision").asInt())).orElse(null);
    }

    ObjectNode require(String ref) {
        ObjectNode td = find(ref);
        if (td == null) throw EcsError.client("Unable to describe task definition.");
        return td;
    }

    JsonNode tagsOf(String arn) {
        return tags.get(arn);
    }

    ObjectNode deregister(String ref) {
        if (!ref.contains(":")) throw EcsError.invalid("Invalid revision number. Number: " + ref);
        ObjectNode td = require(ref);
        td.put("status", "INACTIVE");
        td.put("deregisteredAt", Arns.now());
        return td;
    }

    int revisions(String family) {
        return families.getOrDefault(family, Map.of()).size();
    }
}
