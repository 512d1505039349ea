package app.slipway.core.releases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Keep-a-Changelog file read as releases: each {@code ## [1.2.0] - 2024-01-01} section is one
 * release whose notes are the section's text. The {@code [Unreleased]} section is not a version.
 */
public final class Changelog {
    private static final Pattern SECTION = Pattern.compile("^##\\s+(?!#)(.*)$");
    private static final Pattern VERSION_HEADING = Pattern.compile(
            "^\\[?\\s*([vV]?[0-9][0-9A-Za-z.+-]*)\\s*\\]?(?:\\([^)]*\\))?\\s*(?:[-–—]\\s*(\\d{4}-\\d{2}-\\d{2}))?.*$");
    // Link reference definitions at the end ("[1.2.0]: https://…") belong to no section's text.
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");

    /**
     * @param releases the released versions, newest first
     * @param hasUnreleased true when the file has an {@code [Unreleased]} section
     */
    public record Parsed(List<Release> releases, boolean hasUnreleased) {
        public Parsed {
            releases = List.copyOf(releases);
        }
    }

    private Changelog() {}

    public static Parsed parse(String markdown) {
        List<Release> releases = new ArrayList<>();
        boolean unreleased = false;
        String heading = null;
        StringBuilder body = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) inFence = !inFence;
            Matcher section = inFence ? null : SECTION.matcher(line);
            if (section != null && section.matches()) {
                addSection(releases, heading, body);
                heading = section.group(1).trim();
                unreleased |= heading.replaceAll("[\\[\\]]", "").trim().toLowerCase(java.util.Locale.ROOT).startsWith("unreleased");
                body.setLength(0);
            } else if (heading != null && (inFence || !LINK_DEFINITION.matcher(line).matches())) {
                body.append(line).append('\n');
            }
        }
        addSection(releases, heading, body);
        releases.sort(Comparator.comparing(Release::version).reversed());
        return new Parsed(releases, unreleased);
    }

    private static void addSection(List<Release> releases, String heading, StringBuilder body) {
        if (heading == null) return;
        Matcher m = VERSION_HEADING.matcher(heading);
        if (!m.matches()) return;
        Optional<Version> version = Version.tryParse(m.group(1));
        if (version.isEmpty()) return;
        releases.add(new Release(version.get().text(), version.get(), version.get().text(), body.toString().strip(),
                version.get().isPrerelease(), date(m.group(2)), Optional.empty()));
    }

    private static Optional<java.time.Instant> date(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
