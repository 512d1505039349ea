package app.slipway.gui.version;

import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** The warning above the notes: one line per release, "Breaking changes in v2.0.0: a; b." in plain words. */
final class BreakingBanner {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private BreakingBanner() {}

    /** Empty when there is nothing breaking. */
    static String text(List<BreakingChanges.Change> changes) {
        Map<Release, List<String>> byRelease = new LinkedHashMap<>();
        for (BreakingChanges.Change c : changes) {
            byRelease.computeIfAbsent(c.release(), r -> new ArrayList<>()).add(plain(c.text()));
        }
        List<String> lines = new ArrayList<>();
        byRelease.forEach((release, texts) -> lines.add("Breaking changes in " + release.tag() + ": "
                + String.join("; ", texts) + (texts.get(texts.size() - 1).matches(".*[.!?]$") ? "" : ".")));
        return String.join("\n", lines);
    }

    /** A line of Markdown as the words it shows ({@code **Breaking**: `x`} → {@code Breaking: x}). */
    private static String plain(String markdown) {
        return PLAIN.render(MARKDOWN.parse(markdown)).strip().replaceAll("\\s+", " ");
    }
}
