package app.slipway.ecs;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON answer against an operation's output shape in a botocore model: member names, types (timestamp =
 * JSON number) and enum values, recursively.
 */
final class ShapeValidator {
    private static final Path BOTOCORE = Path.of("/usr/lib/python3/dist-packages/botocore/data");
    private final JsonNode model;

    private ShapeValidator(JsonNode model) {
        this.model = model;
    }

    /** {@code service}/{@code version} of Debian's python3-botocore; fails when the package is missing. */
    static ShapeValidator load(String service, String version) throws IOException {
        Path file = BOTOCORE.resolve(service).resolve(version).resolve("service-2.json");
        if (!Files.isReadable(file)) {
            fail("The botocore model " + file + " is missing: run testbed/up.sh (it installs python3-botocore).");
        }
        return new ShapeValidator(new ObjectMapper().readTree(file.toFile()));
    }

    boolean has(String operation) {
        return model.path("operations").has(operation);
    }

    /** Every difference between {@code answer} and the output shape of {@code operation}, as "path: problem". */
    List<String> check(String operation, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        String output = model.path("operations").path(operation).path("output").path("shape").asText(null);
        if (output == null) problems.add(operation + ": not in the model");
        else walk(operation, output, answer, problems);
        return problems;
    }

    private void walk(String path, String shapeName, JsonNode value, List<String> problems) {
        JsonNode shape = model.path("shapes").path(shapeName);
        String type = shape.path("type").asText();
        boolean ok = switch (type) {
            case "structure", "map" -> value.isObject();
            case "list" -> value.isArray();
            case "string", "blob" -> value.isTextual();
            case "integer", "long" -> value.isIntegralNumber();
            case "double", "float", "timestamp" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
        if (!ok) {
            problems.add(path + ": " + value + " is not a " + type + " (" + shapeName + ")");
            return;
        }
        switch (type) {
            case "structure" -> value.fields().forEachRemaining(f -> {
                JsonNode member = shape.path("members").path(f.getKey());
                if (member.isMissingNode()) problems.add(path + "." + f.getKey() + ": no such member of " + shapeName);
                else walk(path + "." + f.getKey(), member.path("shape").asText(), f.getValue(), problems);
            });
            case "list" -> {
                for (int i = 0; i < value.size(); i++) walk(path + "[" + i + "]", shape.path("member").path("shape").asText(), value.get(i), problems);
            }
            case "map" -> value.fields().forEachRemaining(f -> {
                walk(path + "{key}", shape.path("key").path("shape").asText(), TaskState.JSON.getNodeFactory().textNode(f.getKey()), problems);
                walk(path + "{" + f.getKey() + "}", shape.path("value").path("shape").asText(), f.getValue(), problems);
            });
            case "string" -> {
                if (shape.has("enum")) {
                    boolean listed = false;
                    for (JsonNode e : shape.get("enum")) listed |= e.asText().equals(value.asText());
                    if (!listed) problems.add(path + ": " + value + " is not in enum " + shapeName + " " + shape.get("enum"));
                }
            }
            default -> { }
        }
    }
}
