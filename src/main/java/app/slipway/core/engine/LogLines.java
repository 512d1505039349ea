package app.slipway.core.engine;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles text lines from log frames. A frame is one write by the container, not one line,
 * so stdout and stderr each keep their unfinished line until its newline arrives.
 */
final class LogLines {
    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
    private final List<String> lines = new ArrayList<>();

    void accept(Frame frame) {
        ByteArrayOutputStream pending = partial.computeIfAbsent(frame.getStreamType(), k -> new ByteArrayOutputStream());
        for (byte b : frame.getPayload()) {
            if (b == '\n') {
                lines.add(decode(pending));
                pending.reset();
            } else {
                pending.write(b);
            }
        }
    }

    /** The last {@code count} lines, an unfinished last line of each stream included. */
    List<String> last(int count) {
        List<String> all = new ArrayList<>(lines);
        partial.values().stream().filter(p -> p.size() > 0).map(LogLines::decode).forEach(all::add);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    private static String decode(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
