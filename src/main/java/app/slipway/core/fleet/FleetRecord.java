package app.slipway.core.fleet;

import app.slipway.core.SlipwayException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What the controller (this machine) keeps of a fleet, beside each node's own journal and
 * history: the journal of a fleet run in progress ({@code <fleet>.journal.json}), and the last
 * fleet upgrade that succeeded ({@code <fleet>.last.json}): the version each node was on and the
 * backup taken of it — where {@code fleet rollback} returns to. Kept in
 * {@code $XDG_STATE_HOME/slipway/fleets} (else {@code ~/.local/state/slipway/fleets}).
 *
 * @param nodes node name → the backup of it taken by that run (null when it took none)
 */
public record FleetRecord(String fleet, String from, String to, String at, Map<String, String> nodes,
                          java.util.List<String> upgraded) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path directory() {
        return app.slipway.core.state.StateHome.base().resolve("fleets");
    }

    public static void writeLast(FleetFile fleet, FleetRecord record) {
        write(file(fleet, "last"), record);
    }

    public static Optional<FleetRecord> last(FleetFile fleet) {
        return read(file(fleet, "last"));
    }

    public static void writeJournal(FleetFile fleet, FleetRecord record) {
        write(file(fleet, "journal"), record);
    }

    public static Optional<FleetRecord> journal(FleetFile fleet) {
        return read(file(fleet, "journal"));
    }

    public static void endJournal(FleetFile fleet) {
        try {
            Files.deleteIfExists(file(fleet, "journal"));
        } catch (IOException ignored) {
            // a stale journal is reported by the next status, not lost silently
        }
    }

    static Path file(FleetFile fleet, String what) {
        String name = fleet.file().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return directory().resolve(name + "-" + hash(fleet.file().toString()) + "." + what + ".json");
    }

    private static void write(Path file, FleetRecord record) {
        try {
            app.slipway.core.state.StateHome.writeAtomically(file, JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot write " + file + " (" + e.getMessage() + "): check the permissions there.");
        }
    }

    private static Optional<FleetRecord> read(Path file) {
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), FleetRecord.class));
        } catch (IOException e) {
            throw SlipwayException.refused(file + " cannot be read (" + e.getMessage() + "): look at it, then delete it to go on.");
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
