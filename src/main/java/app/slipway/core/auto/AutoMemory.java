package app.slipway.core.auto;

import app.slipway.core.host.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * What {@code slipway auto} remembers between runs, in {@code DIR/.slipway/auto.json}: the update it
 * last told the channels about (an hourly job says it once, not every hour) and the version whose
 * unattended upgrade failed (never tried again by itself: a person decides).
 */
public record AutoMemory(Optional<String> notified, Optional<String> failed) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final AutoMemory EMPTY = new AutoMemory(Optional.empty(), Optional.empty());

    public static String path(String directory) {
        return (directory.equals("/") ? "" : directory) + "/.slipway/auto.json";
    }

    /** The memory; empty when absent or unreadable (it only saves repeats, it decides nothing alone). */
    public static AutoMemory read(Target target, String directory) {
        String path = path(directory);
        if (target.stat(path).isEmpty()) return EMPTY;
        try {
            JsonNode json = JSON.readTree(new String(target.readFile(path), StandardCharsets.UTF_8));
            return new AutoMemory(text(json, "notified"), text(json, "failed"));
        } catch (IOException | RuntimeException unreadable) {
            return EMPTY;
        }
    }

    public AutoMemory withNotified(String version) {
        return new AutoMemory(Optional.of(version), failed);
    }

    public AutoMemory withFailed(String version) {
        return new AutoMemory(notified, Optional.of(version));
    }

    public void write(Target target, String directory) {
        var json = new LinkedHashMap<String, Object>();
        json.put("notified", notified.orElse(null));
        json.put("failed", failed.orElse(null));
        try {
            target.mkdirs(directory + "/.slipway");
            target.writeFileAtomically(path(directory), (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n")
                    .getBytes(StandardCharsets.UTF_8), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + json, e);
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
