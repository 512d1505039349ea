package app.slipway.gui.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last few targets connected to, most recent first, in
 * {@code $XDG_CONFIG_HOME/slipway/recent-targets.json} (default {@code ~/.config}). The file holds
 * addresses, user names and file paths, never a password; it is private to the user (0600) and
 * replaced atomically. A damaged file is treated as empty: forgetting recent targets is harmless.
 */
public final class RecentTargets {
    public static final int MAX = 8;
    private static final int FORMAT = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public RecentTargets(Path file) {
        this.file = file;
    }

    /** The user's file, honouring XDG_CONFIG_HOME. */
    public static RecentTargets ofUser() {
        return new RecentTargets(defaultFile(System.getenv(), System.getProperty("user.home")));
    }

    static Path defaultFile(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".config");
        return config.resolve("slipway").resolve("recent-targets.json");
    }

    public Path file() {
        return file;
    }

    /** The remembered targets, most recent first; empty when the file is missing or unreadable. */
    public List<RecentTarget> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            JsonNode root = json.readTree(file.toFile());
            JsonNode targets = root == null ? null : root.get("targets");
            if (targets == null || !targets.isArray()) return List.of();
            List<RecentTarget> out = new ArrayList<>();
            for (JsonNode node : targets) {
                RecentTarget t = fromJson(node);
                if (t != null && t.isUsable() && out.stream().noneMatch(t::sameTargetAs)) out.add(t);
                if (out.size() == MAX) break;
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Puts {@code target} first (dropping an older entry for the same place), keeps {@link #MAX},
     * writes the file and returns the new list.
     */
    public List<RecentTarget> remember(RecentTarget target) throws IOException {
        List<RecentTarget> list = new ArrayList<>();
        list.add(target);
        for (RecentTarget t : load()) {
            if (!t.sameTargetAs(target) && list.size() < MAX) list.add(t);
        }
        write(list);
        return List.copyOf(list);
    }

    private void write(List<RecentTarget> list) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode targets = root.putArray("targets");
        for (RecentTarget t : list) targets.add(toJson(t));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);

        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = posix
                ? Files.createTempFile(dir, ".recent-targets.", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".recent-targets.", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private ObjectNode toJson(RecentTarget t) {
        ObjectNode n = json.createObjectNode();
        n.put("mode", t.mode().name());
        if (t.mode() == ConnectMode.SSH) {
            n.put("user", t.user());
            n.put("host", t.host());
            n.put("port", t.port());
            n.put("auth", t.auth().name());
            if (t.keyFile() != null) n.put("keyFile", t.keyFile());
            if (t.knownHostsFile() != null) n.put("knownHostsFile", t.knownHostsFile());
        }
        return n;
    }

    private static RecentTarget fromJson(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        ConnectMode mode = enumOf(ConnectMode.class, text(n, "mode"));
        if (mode == null) return null;
        if (mode == ConnectMode.LOCAL) return RecentTarget.local();
        JsonNode port = n.get("port");
        return new RecentTarget(mode, text(n, "user"), text(n, "host"),
                port != null && port.canConvertToInt() ? port.intValue() : 0,
                enumOf(AuthKind.class, text(n, "auth")), text(n, "keyFile"), text(n, "knownHostsFile"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null) return null;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
