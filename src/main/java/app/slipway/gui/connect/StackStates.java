package app.slipway.gui.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the wizard last saw of each stack (README "The wizard"): per target and directory, its
 * product, version and update note, so the recent-targets list can say how each one stood. Kept in
 * {@code stack-states.json} beside recent-targets.json; no secret is ever in it. A damaged file is
 * treated as empty.
 */
public final class StackStates {
    public static final int MAX = 32;

    /** @param target as the connection describes itself ({@code local}, {@code ssh://user@host:port}) */
    public record Seen(String target, String directory, String text, Instant at) {}

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public StackStates(Path file) {
        this.file = file;
    }

    public static StackStates ofUser() {
        return new StackStates(RecentTargets.ofUser().file().resolveSibling("stack-states.json"));
    }

    public List<Seen> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            JsonNode list = json.readTree(file.toFile()).get("stacks");
            var out = new ArrayList<Seen>();
            for (JsonNode n : list) {
                out.add(new Seen(n.get("target").asText(), n.get("directory").asText(), n.get("text").asText(),
                        Instant.parse(n.get("at").asText())));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The newest state seen on {@code target}, any directory. */
    public Optional<Seen> latest(String target) {
        return latest(load(), target);
    }

    /** As {@link #latest(String)}, among states already loaded. */
    static Optional<Seen> latest(List<Seen> all, String target) {
        return all.stream().filter(s -> s.target().equals(target)).max(Comparator.comparing(Seen::at));
    }

    /** Keeps this one (replacing the same target and directory), the newest {@link #MAX}; failures are ignored. */
    public void remember(Seen seen) {
        var list = new ArrayList<>(load());
        list.removeIf(s -> s.target().equals(seen.target()) && s.directory().equals(seen.directory()));
        list.add(seen);
        list.sort(Comparator.comparing(Seen::at).reversed());
        ObjectNode root = json.createObjectNode();
        ArrayNode stacks = root.putArray("stacks");
        for (Seen s : list.subList(0, Math.min(MAX, list.size()))) {
            stacks.addObject().put("target", s.target()).put("directory", s.directory()).put("text", s.text())
                    .put("at", s.at().toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".stack-states.", ".tmp");
            try {
                Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // forgetting what was seen is harmless
        }
    }

    /** How a recent target is named here: as its connection describes itself. */
    static String keyOf(RecentTarget t) {
        if (t.mode() == ConnectMode.LOCAL) return "local";
        return "ssh://" + t.user() + "@" + (t.host().contains(":") ? "[" + t.host() + "]" : t.host()) + ":" + t.port();
    }
}
