package app.slipway.core.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code drill} key of {@code manifest.json}. Read leniently: a drill record this version does
 * not understand is no drill, never an unreadable backup.
 */
final class DrillJson {
    private DrillJson() {}

    static void put(ObjectNode root, DrillResult d) {
        ObjectNode drill = root.putObject("drill");
        drill.put("result", d.word()).put("at", d.at().toString()).put("durationMs", d.took().toMillis())
                .put("image", d.image()).put("tablesCompared", d.tablesCompared()).put("rowsRestored", d.rowsRestored());
        ArrayNode mismatches = drill.putArray("mismatches");
        for (RowMismatch m : d.mismatches()) {
            ObjectNode node = mismatches.addObject().put("table", m.table());
            m.atDump().ifPresentOrElse(n -> node.put("atDump", n), () -> node.putNull("atDump"));
            m.restored().ifPresentOrElse(n -> node.put("restored", n), () -> node.putNull("restored"));
        }
        drill.put("summary", d.summary());
    }

    /** @param backupId the backup the manifest describes */
    static Optional<DrillResult> read(JsonNode drill, String backupId) {
        if (drill == null || !drill.isObject() || !drill.path("result").isTextual() || !drill.path("at").isTextual()) {
            return Optional.empty();
        }
        try {
            List<RowMismatch> mismatches = new ArrayList<>();
            for (JsonNode m : drill.path("mismatches")) {
                mismatches.add(new RowMismatch(m.path("table").asText(), count(m.get("atDump")), count(m.get("restored"))));
            }
            return Optional.of(new DrillResult(backupId, "passed".equals(drill.get("result").asText()),
                    Instant.parse(drill.get("at").asText()), Duration.ofMillis(drill.path("durationMs").asLong()),
                    drill.path("image").asText(""), drill.path("tablesCompared").asInt(), drill.path("rowsRestored").asLong(),
                    mismatches, drill.path("summary").asText("")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> count(JsonNode n) {
        return n == null || !n.isNumber() ? Optional.empty() : Optional.of(n.asLong());
    }
}
