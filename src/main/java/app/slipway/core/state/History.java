package app.slipway.core.state;

import app.slipway.core.host.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DIR/.slipway/history.jsonl}: one JSON object per line, one line per run (README §How an upgrade works step 9).
 * Appending rewrites the file atomically with every earlier byte kept, so a reader never sees
 * half a line and a crash never loses the earlier ones.
 */
public final class History {
    static final String FILE = "history.jsonl";

    private History() {}

    /** Appends {@code e}; call it while holding the stack's lock (two appenders at once could lose a line). */
    public static void append(Target t, String dir, HistoryEntry e) {
        String abs = t.absolute(dir);
        t.mkdirs(StateFiles.stateDir(abs));
        String file = path(abs);
        var out = new ByteArrayOutputStream();
        if (t.stat(file).isPresent()) {
            byte[] old = t.readFile(file);
            out.writeBytes(old);
            // A last line cut short (a crash of an old writer) stays as it is, on a line of its own.
            if (old.length > 0 && old[old.length - 1] != '\n') out.write('\n');
        }
        out.writeBytes(StateFiles.line(e));
        out.write('\n');
        t.writeFileAtomically(file, out.toByteArray(), null);
    }

    /** Every entry in order; lines that cannot be read (a truncated last line) are left out. */
    public static List<HistoryEntry> read(Target t, String dir) {
        String file = path(t.absolute(dir));
        if (t.stat(file).isEmpty()) return List.of();
        byte[] bytes = t.readFile(file);
        List<HistoryEntry> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                parse(bytes, start, i - start).ifPresent(entries::add);
                start = i + 1;
            }
        }
        return List.copyOf(entries);
    }

    private static Optional<HistoryEntry> parse(byte[] bytes, int offset, int length) {
        int end = offset + length;
        while (end > offset && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) end--;
        if (end == offset) return Optional.empty();
        try {
            return Optional.ofNullable(StateFiles.JSON.readValue(bytes, offset, end - offset, HistoryEntry.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String path(String absoluteDir) {
        return StateFiles.stateDir(absoluteDir) + "/" + FILE;
    }
}
