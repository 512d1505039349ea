package app.slipway.core.state;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Shared plumbing of Slipway's own state in {@code DIR/.slipway/}: paths, JSON, times, removal. */
final class StateFiles {
    /** Lenient on read (newer versions may add fields), plain on write. */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private StateFiles() {}

    /** {@code DIR/.slipway} for an absolute install directory. */
    static String stateDir(String absoluteDir) {
        return (absoluteDir.equals("/") ? "" : absoluteDir) + "/.slipway";
    }

    /** Now, ISO-8601 in UTC to the second: {@code 2026-11-25T12:03:00Z}. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2026-11-25T12:03:00Z} as people read it: {@code 2026-11-25 12:03 UTC}; unparsable text as is. */
    static String display(String iso) {
        if (iso == null || iso.isBlank()) return "an unknown time";
        try {
            return DISPLAY.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Pretty JSON with a final newline, for the state files people may open. */
    static byte[] pretty(Object value) {
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    /** One-line JSON (no newline). */
    static byte[] line(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    /** A JSON parse error in a few words, without Jackson's source dump. */
    static String why(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }

    /**
     * Removes a file or a directory tree; nothing there is fine. Targets have no delete of their own,
     * so this is {@code rm -rf} run on the target (POSIX hosts only).
     */
    static void remove(Target t, String path) {
        if (t.stat(path).isEmpty()) return; // saves a command round trip (slow over SSH) for the common case
        removeAlways(t, path);
    }

    /** {@link #remove} without the look first: also takes away a dangling symlink. */
    static void removeAlways(Target t, String path) {
        ExecResult r = t.exec(Command.of("rm", "-rf", "--", path));
        if (!r.ok() || t.stat(path).isPresent()) {
            String why = r.stderr().strip();
            throw SlipwayException.refused("Cannot remove " + path + " on " + t.describe() + ": "
                    + (why.isEmpty() ? "it is still there" : why) + ".");
        }
    }
}
