package app.slipway.core.stack;

import java.util.Map;
import java.util.TreeMap;

/**
 * Replacements of spans of one text, applied from the end backwards so earlier offsets stay
 * valid. A span added twice (a YAML alias reaches the same node again) is applied once.
 */
final class TextSplices {
    private record Splice(int start, int end, String replacement) {}

    private final TreeMap<Integer, Splice> byStart = new TreeMap<>();

    void replace(int start, int end, String replacement) {
        Splice previous = byStart.putIfAbsent(start, new Splice(start, end, replacement));
        if (previous != null && (previous.end() != end || !previous.replacement().equals(replacement))) {
            throw new IllegalStateException("two different edits at offset " + start);
        }
    }

    String applyTo(String text) {
        StringBuilder out = new StringBuilder(text);
        int limit = text.length();
        for (Map.Entry<Integer, Splice> entry : byStart.descendingMap().entrySet()) {
            Splice splice = entry.getValue();
            if (splice.end() > limit) {
                throw new IllegalStateException("overlapping edits at offset " + splice.start());
            }
            out.replace(splice.start(), splice.end(), splice.replacement());
            limit = splice.start();
        }
        return out.toString();
    }
}
