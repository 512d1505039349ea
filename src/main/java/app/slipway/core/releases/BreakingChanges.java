package app.slipway.core.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the breaking changes in a release's notes, so they can be flagged above everything
 * else: any line mentioning "breaking" in any case or markup ({@code BREAKING CHANGE},
 * {@code **Breaking**}, {@code breaking:}), conventional-commit lines marked with {@code !}
 * ({@code feat!:}, {@code fix(api)!:}), and every item under a heading such as
 * {@code ### Breaking changes}. "Non-breaking" does not count.
 */
public final class BreakingChanges {
    /** One breaking change: the release it comes from and the line, without list markup. */
    public record Change(Release release, String text) {}

    private static final Pattern MENTIONS_BREAKING = Pattern.compile("(?i)(?<!non-)(?<!non )\\bbreaking\\b");
    private static final Pattern CONVENTIONAL_BANG = Pattern.compile(
            "^(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:[0-9a-f]{7,40}\\s+)?\\**`?[A-Za-z]+(?:\\([^)]*\\))?!:.*");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+.*");
    private static final Pattern PLAIN_BREAKING_HEADING = Pattern.compile(
            "(?i)^#+\\s*[^A-Za-z0-9]*breaking(?:\\s+changes?)?[^A-Za-z0-9]*$");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");

    private BreakingChanges() {}

    public static List<Change> in(List<Release> releases) {
        List<Change> changes = new ArrayList<>();
        for (Release release : releases) {
            for (String line : in(release.body())) changes.add(new Change(release, line));
        }
        return changes;
    }

    /** The breaking lines of one body, in order, each once. */
    static List<String> in(String body) {
        List<String> found = new ArrayList<>();
        boolean underBreakingHeading = false;
        boolean inFence = false;
        for (String raw : body.replace("\r\n", "\n").split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.isEmpty()) continue;
            if (HEADING.matcher(line).matches()) {
                underBreakingHeading = MENTIONS_BREAKING.matcher(line).find();
                // "### Breaking changes" says nothing by itself (its items do); "## BREAKING: x removed" does.
                if (!underBreakingHeading || PLAIN_BREAKING_HEADING.matcher(line).matches()) continue;
                line = line.replaceFirst("^#+\\s+", "");
            }
            if (underBreakingHeading || MENTIONS_BREAKING.matcher(line).find() || CONVENTIONAL_BANG.matcher(line).matches()) {
                String text = LIST_MARKER.matcher(line).replaceFirst("");
                if (!text.isBlank() && !found.contains(text)) found.add(text);
            }
        }
        return found;
    }
}
