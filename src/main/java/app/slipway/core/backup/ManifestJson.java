package app.slipway.core.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest.json} to and from bytes. Written field by field so the file's layout is ours to
 * keep stable, whatever the Java records grow.
 */
final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {}

    static byte[] write(BackupManifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", m.id());
        root.put("product", m.product());
        root.put("from", m.from());
        root.put("to", m.to());
        root.put("createdAt", m.createdAt().toString());
        root.put("composeFile", m.composeFile());
        root.put("envFile", m.envFile().orElse(null));
        ArrayNode files = root.putArray("files");
        for (BackupFile f : m.files()) {
            files.addObject().put("name", f.name()).put("size", f.size()).put("sha256", f.sha256());
        }
        m.database().ifPresentOrElse(d -> {
            ObjectNode pg = root.putObject("postgres")
                    .put("service", d.service()).put("database", d.database())
                    .put("user", d.user()).put("file", d.file());
            d.rowCounts().ifPresent(counts -> {
                ObjectNode rows = pg.putObject("rowCounts");
                counts.forEach((table, n) -> rows.put(table, n.longValue()));
            });
        }, () -> root.putNull("postgres"));
        ArrayNode volumes = root.putArray("volumes");
        for (VolumeEntry v : m.volumes()) {
            volumes.addObject().put("service", v.service()).put("path", v.path()).put("file", v.file());
        }
        ArrayNode directories = root.putArray("directories");
        for (DirectoryEntry d : m.directories()) {
            directories.addObject().put("path", d.path()).put("file", d.file());
        }
        m.drill().ifPresent(d -> DrillJson.put(root, d));
        return bytes(root);
    }

    /**
     * The manifest's bytes with {@code drill} set to {@code result} and every other key as it was —
     * those a newer Slipway wrote included.
     */
    static byte[] withDrill(byte[] manifest, DrillResult result) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) throw new IllegalArgumentException("not a JSON object");
        DrillJson.put(object, result);
        return bytes(object);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest tree always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a manifest this version understands */
    static BackupManifest read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        List<BackupFile> files = new ArrayList<>();
        for (JsonNode f : array(root, "files")) {
            files.add(new BackupFile(text(f, "name"), required(f, "size").asLong(), text(f, "sha256")));
        }
        Optional<DatabaseEntry> database = Optional.ofNullable(root.get("postgres"))
                .filter(JsonNode::isObject)
                .map(d -> new DatabaseEntry(text(d, "service"), text(d, "database"), text(d, "user"), text(d, "file"),
                        rowCounts(d.get("rowCounts"))));
        List<VolumeEntry> volumes = new ArrayList<>();
        for (JsonNode v : array(root, "volumes")) {
            volumes.add(new VolumeEntry(text(v, "service"), text(v, "path"), text(v, "file")));
        }
        List<DirectoryEntry> directories = new ArrayList<>();
        for (JsonNode d : array(root, "directories")) {
            directories.add(new DirectoryEntry(text(d, "path"), text(d, "file")));
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(root, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt is not an ISO-8601 instant", e);
        }
        return new BackupManifest(text(root, "id"), optionalText(root, "product"), optionalText(root, "from"),
                optionalText(root, "to"), createdAt, text(root, "composeFile"),
                Optional.ofNullable(optionalText(root, "envFile")), files, database, volumes, directories,
                DrillJson.read(root.get("drill"), text(root, "id")));
    }

    private static Optional<Map<String, Long>> rowCounts(JsonNode node) {
        if (node == null || !node.isObject()) return Optional.empty();
        Map<String, Long> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return Optional.of(counts);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("no " + field);
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isTextual()) throw new IllegalArgumentException(field + " is not a string");
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new IllegalArgumentException(field + " is not an array");
        return v;
    }
}
