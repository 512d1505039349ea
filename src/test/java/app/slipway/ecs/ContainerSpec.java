package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task needs to run one container, read from its task definition's container definition.
 * Secrets are passed as plain environment values (the stand-in has no SSM/Secrets Manager to resolve them).
 */
record ContainerSpec(String name, String image, List<String> command, Map<String, String> environment, int port,
        String logGroup, String logPrefix) {

    static ContainerSpec of(JsonNode definition) {
        List<String> command = new ArrayList<>();
        definition.path("entryPoint").forEach(c -> command.add(c.asText()));
        definition.path("command").forEach(c -> command.add(c.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        definition.path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        definition.path("secrets").forEach(e -> env.put(e.path("name").asText(), e.path("valueFrom").asText()));
        int port = definition.path("portMappings").path(0).path("hostPort").asInt(
                definition.path("portMappings").path(0).path("containerPort").asInt(0));
        JsonNode log = definition.path("logConfiguration");
        boolean awslogs = "awslogs".equals(log.path("logDriver").asText());
        return new ContainerSpec(definition.path("name").asText(), definition.path("image").asText(), command, env, port,
                awslogs ? log.path("options").path("awslogs-group").asText(null) : null,
                awslogs ? log.path("options").path("awslogs-stream-prefix").asText(null) : null);
    }

    /** The image's tag ("2.1.0" of "registry/app:2.1.0"), or "latest". */
    String tag() {
        return tagOf(image);
    }

    static String tagOf(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    /** The awslogs stream {@code prefix/container/taskId}, or null when the container does not log to awslogs. */
    String logStream(String taskId) {
        if (logGroup == null) return null;
        return (logPrefix == null || logPrefix.isEmpty() ? "" : logPrefix + "/") + name + "/" + taskId;
    }
}
