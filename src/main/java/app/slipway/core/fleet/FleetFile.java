package app.slipway.core.fleet;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.DurationText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A fleet file (README §Several servers): one product on several servers, the primary that
 * upgrades first and alone (the one migration writer), then the others {@code batch} at a time
 * with {@code pause} between batches.
 *
 * @param profile a built-in profile name, or a profile path resolved against the fleet file's folder
 */
public record FleetFile(Path file, String profile, String primary, int batch, Duration pause, List<FleetNode> nodes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public FleetFile {
        nodes = List.copyOf(nodes);
    }

    /** The nodes in rollout order: the primary, then the others as the file lists them. */
    public List<FleetNode> rolloutOrder() {
        var order = new ArrayList<FleetNode>();
        nodes.stream().filter(n -> n.name().equals(primary)).forEach(order::add);
        nodes.stream().filter(n -> !n.name().equals(primary)).forEach(order::add);
        return order;
    }

    /** The nodes after the primary, {@code batch} at a time. */
    public List<List<FleetNode>> batches() {
        List<FleetNode> rest = rolloutOrder().subList(1, nodes.size());
        var batches = new ArrayList<List<FleetNode>>();
        for (int i = 0; i < rest.size(); i += batch) batches.add(List.copyOf(rest.subList(i, Math.min(rest.size(), i + batch))));
        return batches;
    }

    public static FleetFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SlipwayException.badInput("The fleet file " + file + " cannot be read (" + e.getMessage() + "): check --fleet.");
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw bad(file, "is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (!(root instanceof Map<?, ?> map)) throw bad(file, "must be a mapping with profile, primary and nodes");
        Path folder = file.toAbsolutePath().getParent();
        String profile = text(map, "profile", file);
        if (profile.contains("/") || profile.endsWith(".yml") || profile.endsWith(".yaml")) {
            profile = folder.resolve(expandHome(profile)).normalize().toString();
        }
        if (!(map.get("nodes") instanceof List<?> items) || items.isEmpty()) throw bad(file, "needs nodes: a list of servers");
        var nodes = new ArrayList<FleetNode>();
        var names = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> n)) throw bad(file, "nodes[" + i + "] must be a mapping with name, host and dir");
            String name = text(n, "name", file);
            if (!NAME.matcher(name).matches()) throw bad(file, "node name '" + name + "' may use letters, digits, '.', '_' and '-'");
            if (!names.add(name)) throw bad(file, "names node '" + name + "' twice");
            String host = text(n, "host", file);
            if (!host.equals("local") && !host.startsWith("ssh://")) {
                throw bad(file, "node " + name + ": host must be local or ssh://USER@HOST[:PORT], not '" + host + "'");
            }
            String dir = text(n, "dir", file);
            if (!dir.startsWith("/")) throw bad(file, "node " + name + ": dir must be an absolute path on that server");
            nodes.add(new FleetNode(name, host, dir, optionalPath(n, "identity", folder), optionalPath(n, "known_hosts", folder)));
        }
        String primary = map.get("primary") == null ? nodes.get(0).name() : String.valueOf(map.get("primary"));
        if (!names.contains(primary)) throw bad(file, "primary '" + primary + "' is not one of its nodes");
        int batch = 1;
        if (map.get("batch") != null) {
            try {
                batch = Integer.parseInt(String.valueOf(map.get("batch")));
            } catch (NumberFormatException e) {
                batch = 0;
            }
            if (batch < 1) throw bad(file, "batch must be a whole number of nodes, 1 or more");
        }
        Duration pause = Duration.ZERO;
        if (map.get("pause") != null) {
            String p = String.valueOf(map.get("pause"));
            pause = DurationText.parse(p).orElseThrow(() -> bad(file, "pause must be a duration like 30s or 2m, not '" + p + "'"));
        }
        return new FleetFile(file.toAbsolutePath(), profile, primary, batch, pause, nodes);
    }

    private static Optional<Path> optionalPath(Map<?, ?> map, String key, Path folder) {
        Object value = map.get(key);
        return value == null ? Optional.empty() : Optional.of(folder.resolve(expandHome(String.valueOf(value))).normalize());
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String text(Map<?, ?> map, String key, Path file) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) throw bad(file, "needs " + key);
        return String.valueOf(value);
    }

    private static SlipwayException bad(Path file, String what) {
        return SlipwayException.badInput("The fleet file " + file + " " + what + ".");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
