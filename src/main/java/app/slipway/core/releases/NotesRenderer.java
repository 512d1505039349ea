package app.slipway.core.releases;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders {@link ReleaseNotes} as Markdown (the source, breaking summary on top), as a
 * self-contained HTML page, or as plain text. Release bodies are untrusted: in HTML their raw
 * HTML is escaped (a {@code <script>} shows as text) and unsafe link schemes such as
 * {@code javascript:} are neutralised; the page also forbids scripts by its CSP.
 */
public final class NotesRenderer {
    public enum Format { TEXT, MARKDOWN, HTML;

        public static Format parse(String text) {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private static final java.util.regex.Pattern SAFE_LINK = java.util.regex.Pattern.compile("^(?i)(https?:|mailto:)");
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#fff}
            main{max-width:52rem;margin:0 auto;padding:1.5rem}
            h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
            .notice{background:#f6f8fa;border-left:4px solid #8c959f;padding:.5rem 1rem}
            .breaking{background:#fff1f0;border:1px solid #cf222e;border-radius:6px;padding:.25rem 1rem;margin:1rem 0}
            .breaking h2{color:#cf222e;border:0;margin-top:.5rem}
            table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.3rem .6rem}
            code,pre{font-family:ui-monospace,monospace;background:#f6f8fa}pre{padding:.75rem;overflow:auto}
            """;

    private NotesRenderer() {}

    public static String render(ReleaseNotes notes, String product, Format format) {
        return switch (format) {
            case MARKDOWN -> markdown(notes, product);
            case HTML -> html(notes, product);
            case TEXT -> text(notes, product);
        };
    }

    /** The notes as Markdown: title, notices, breaking summary, then each release's own notes. */
    public static String markdown(ReleaseNotes notes, String product) {
        var md = new StringBuilder("# ").append(title(notes, product)).append("\n\n");
        md.append(noticesMarkdown(notes));
        md.append(breakingMarkdown(notes));
        for (Release r : notes.releases()) md.append(releaseMarkdown(r));
        return md.toString();
    }

    /** A whole HTML page (UTF-8, inline stylesheet, no scripts allowed). */
    public static String html(ReleaseNotes notes, String product) {
        var body = new StringBuilder();
        body.append(HTML.render(PARSER.parse("# " + title(notes, product))));
        if (!notes.notices().isEmpty()) {
            body.append("<div class=\"notice\">").append(HTML.render(PARSER.parse(noticesText(notes)))).append("</div>\n");
        }
        if (!notes.breaking().isEmpty()) {
            body.append("<section class=\"breaking\">\n").append(HTML.render(PARSER.parse(breakingMarkdown(notes))))
                    .append("</section>\n");
        }
        for (Release r : notes.releases()) {
            body.append("<section class=\"release\">\n").append(HTML.render(parseRelease(r))).append("</section>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src https: data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title(notes, product)) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n"
                + "<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** Plain text: no markup, list items and table rows still readable. */
    public static String text(ReleaseNotes notes, String product) {
        var text = new StringBuilder(title(notes, product)).append("\n\n");
        if (!notes.notices().isEmpty()) text.append(plain(noticesText(notes))).append("\n\n");
        if (!notes.breaking().isEmpty()) {
            text.append("!! BREAKING CHANGES\n");
            for (BreakingChanges.Change c : notes.breaking()) {
                text.append("  - ").append(c.release().tag()).append(": ")
                        .append(plain(c.text()).strip()).append('\n');
            }
            text.append('\n');
        }
        for (Release r : notes.releases()) {
            text.append("== ").append(heading(r)).append(" ==\n");
            r.htmlUrl().ifPresent(u -> text.append(u).append('\n'));
            String body = plain(r.body()).strip();
            text.append(body.isEmpty() ? "(no notes)" : body).append("\n\n");
        }
        return text.toString();
    }

    private static String title(ReleaseNotes notes, String product) {
        return "Release notes for " + product + ": "
                + notes.from().map(f -> "after " + f.text() + " up to " + notes.to().text()).orElse("up to " + notes.to().text());
    }

    private static String noticesText(ReleaseNotes notes) {
        return String.join("\n\n", notes.notices());
    }

    private static String noticesMarkdown(ReleaseNotes notes) {
        if (notes.notices().isEmpty()) return "";
        var md = new StringBuilder();
        for (String n : notes.notices()) md.append("> ").append(n).append("\n>\n");
        md.setLength(md.length() - 2);
        return md.append("\n\n").toString();
    }

    private static String breakingMarkdown(ReleaseNotes notes) {
        if (notes.breaking().isEmpty()) return "";
        var md = new StringBuilder("## ⚠ Breaking changes\n\n");
        for (BreakingChanges.Change c : notes.breaking()) {
            md.append("- **").append(c.release().tag()).append("**: ").append(c.text()).append('\n');
        }
        return md.append('\n').toString();
    }

    private static String releaseMarkdown(Release r) {
        var md = new StringBuilder("## ").append(heading(r)).append("\n\n");
        r.htmlUrl().ifPresent(u -> md.append("<").append(u).append(">\n\n"));
        md.append(r.body().isBlank() ? "_(no notes)_" : r.body().strip()).append("\n\n");
        return md.toString();
    }

    private static String heading(Release r) {
        String h = r.tag();
        if (!r.name().equals(r.tag()) && !r.name().isBlank()) h += " — " + r.name().strip();
        if (r.prerelease()) h += " (prerelease)";
        return h + r.publishedAt().map(p -> " · " + DAY.format(p)).orElse("");
    }

    /** A release as one tree, its body's headings pushed below the release heading so the outline holds. */
    private static Node parseRelease(Release r) {
        Node doc = PARSER.parse("## " + heading(r) + "\n\n" + r.htmlUrl().map(u -> "<" + u + ">\n\n").orElse(""));
        Node body = PARSER.parse(r.body().isBlank() ? "_(no notes)_" : r.body());
        body.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        Node child = body.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            doc.appendChild(child);
            child = next;
        }
        return doc;
    }

    /**
     * Markdown as plain text. Raw HTML is dropped (its inner text, e.g. of {@code <b>}, stays) and a
     * link whose target is not http(s) or mailto keeps only its words, so nothing a terminal user
     * might copy out of the notes is a script.
     */
    static String plain(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Node> drop = new java.util.ArrayList<>();
        List<Link> unwrap = new java.util.ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                drop.add(html);
            }

            @Override
            public void visit(HtmlInline html) {
                drop.add(html);
            }

            @Override
            public void visit(Link link) {
                if (!SAFE_LINK.matcher(link.getDestination()).find()) unwrap.add(link);
                visitChildren(link);
            }
        });
        drop.forEach(Node::unlink);
        for (Link link : unwrap) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
        return TEXT.render(doc);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
