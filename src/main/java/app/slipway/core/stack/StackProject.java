package app.slipway.core.stack;

import app.slipway.core.compose.ProjectName;
import app.slipway.core.engine.Engine;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Compose project a stack runs as, found where Compose put it: the project of the containers
 * started from the install directory, else the name a product's own CLI recorded
 * ({@code .appstrate/project.json}), else Compose's own rule — {@code COMPOSE_PROJECT_NAME}, the
 * top-level {@code name:}, the directory's name. Every Compose command of a run passes this one
 * name, so a run never starts a second project beside the stack.
 *
 * @param source how it was found, for the plan ("its running containers", …)
 */
public record StackProject(String name, String source) {
    /** Where a product's CLI records the {@code -p} it starts the stack with. */
    static final List<String> RECORDED = List.of(".appstrate/project.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static StackProject locate(Target host, Engine engine, StackFiles files) {
        List<String> fromContainers = engine.projectsIn(files.directory());
        if (!fromContainers.isEmpty()) {
            return new StackProject(fromContainers.get(0), "the containers started from " + files.directory());
        }
        return fromFiles(host, files);
    }

    /** What the files say, for a stack with no container yet (an install, a stopped stack). */
    public static StackProject fromFiles(Target host, StackFiles files) {
        for (String recorded : RECORDED) {
            String path = files.directory() + "/" + recorded;
            if (host.stat(path).isEmpty()) continue;
            Optional<String> name = recordedName(host.readFile(path));
            if (name.isPresent()) return new StackProject(name.get(), recorded);
        }
        Map<String, String> env = files.env().values();
        String explicit = env.get("COMPOSE_PROJECT_NAME");
        if (explicit != null && !explicit.isBlank()) {
            return new StackProject(ProjectName.of(files.directoryName(), env), "COMPOSE_PROJECT_NAME in .env");
        }
        Optional<String> named = topLevelName(files.composeText());
        if (named.isPresent()) {
            return new StackProject(ProjectName.of(named.get(), Map.of()), "the name: in " + files.composeFileName());
        }
        return new StackProject(ProjectName.of(files.directoryName(), Map.of()), "the directory's name");
    }

    static Optional<String> recordedName(byte[] json) {
        try {
            JsonNode node = JSON.readTree(new String(json, StandardCharsets.UTF_8)).get("projectName");
            return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText())
                    : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The compose file's top-level {@code name:}, when it is a plain string (no variables). */
    static Optional<String> topLevelName(String composeText) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(composeText);
            if (root instanceof Map<?, ?> top && top.get("name") instanceof String name && !name.isBlank()
                    && !name.contains("$")) {
                return Optional.of(name);
            }
        } catch (RuntimeException malformed) {
            // the reader refuses malformed files before this is asked
        }
        return Optional.empty();
    }
}
