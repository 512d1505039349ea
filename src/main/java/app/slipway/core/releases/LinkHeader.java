package app.slipway.core.releases;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 8288 {@code Link} headers, as GitHub and OCI registries use them to page. */
final class LinkHeader {
    private static final Pattern ENTRY = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern NEXT = Pattern.compile("rel\\s*=\\s*\"?[^\",;]*\\bnext\\b", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** The target of {@code rel="next"}, as written (may be relative), when there is one. */
    static Optional<String> next(String header) {
        if (header == null) return Optional.empty();
        Matcher m = ENTRY.matcher(header);
        while (m.find()) {
            if (NEXT.matcher(m.group(2)).find()) return Optional.of(m.group(1));
        }
        return Optional.empty();
    }
}
