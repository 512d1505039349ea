package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NotesRendererTest {
    private static final ReleaseNotes NOTES = ReleaseNotes.select(ReleaseNotesTest.FEED,
            Optional.of(Version.parse("1.2.0")), Version.parse("2.1.0"));

    @Test
    void markdownIsTheSourceWithTheBreakingSummaryOnTop() {
        String md = NotesRenderer.markdown(NOTES, "Acme");
        assertTrue(md.startsWith("# Release notes for Acme: after 1.2.0 up to 2.1.0\n\n## ⚠ Breaking changes\n\n"
                + "- **v2.0.0**: BREAKING CHANGE: `STRATA_SECRET` is renamed to `STRATA_SECRET_KEY_BASE`\n"), md);
        assertTrue(md.indexOf("## v2.1.0 — Tables and traps · 2026-10-01") < md.indexOf("## v2.0.0 — Big one"), md);
        assertTrue(md.contains(FakeGitHub.BODY_2_1_0.strip()), "bodies are kept as written");
    }

    @Test
    void htmlEscapesRawHtmlAndNeutralisesJavascriptLinks() {
        String html = NotesRenderer.html(NOTES, "Acme");

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<style>"));
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert('owned')&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html);
        assertFalse(html.contains("javascript:"), "the link target is neutralised: " + html);
        assertTrue(html.contains("href=\"\">here</a>"), html);
        assertTrue(html.contains("<table>") && html.contains("<th>Setting</th>") && html.contains("<td>60s</td>"), html);
        assertTrue(html.contains("href=\"https://example.com/docs\">https://example.com/docs</a>"), "autolinked: " + html);
        assertTrue(html.contains("<section class=\"breaking\">"), html);
        assertTrue(html.indexOf("class=\"breaking\"") < html.indexOf("Tables and traps"), "the summary comes first");
        assertTrue(html.contains("Content-Security-Policy"), html);
        assertTrue(html.contains("<h4>What's Changed</h4>") || html.contains("<h4>What&#39;s Changed</h4>"),
                "a body's headings sit below the release heading: " + html);
    }

    @Test
    void textHasNoTagsButKeepsBulletsAndTableRows() {
        String text = NotesRenderer.text(NOTES, "Acme");

        assertFalse(Pattern.compile("</?[a-zA-Z][^>]*>").matcher(text).find(), text);
        assertFalse(text.contains("**"), text);
        assertTrue(text.startsWith("Release notes for Acme: after 1.2.0 up to 2.1.0\n\n!! BREAKING CHANGES\n"
                + "  - v2.0.0: BREAKING CHANGE: \"STRATA_SECRET\" is renamed to \"STRATA_SECRET_KEY_BASE\"\n"), text);
        assertFalse(text.contains("javascript:"), text);
        assertFalse(text.contains("alert("), "raw HTML blocks are dropped: " + text);
        assertTrue(text.contains("Click here for bold claims."), text);
        assertTrue(text.contains("== v2.1.0 — Tables and traps · 2026-10-01 =="), text);
        assertTrue(text.contains("workers") && text.contains("60s"), text);
        assertTrue(Pattern.compile("(?m)^.*Setting.*Old.*New.*$").matcher(text).find(), "a table row stays on one line: " + text);
        assertTrue(Pattern.compile("(?m)^\\s*[-•*] perf: faster startup$").matcher(text).find(), "bullets stay: " + text);
        assertTrue(text.contains("https://github.com/acme/app/releases/tag/v2.1.0"), text);
    }

    @Test
    void noticesAreShownInEveryFormat() {
        var cached = new ReleaseFeed(ReleaseNotesTest.FEED.releases(),
                Optional.of("GitHub is unreachable; showing releases cached on 2026-11-24 10:03 UTC."));
        ReleaseNotes notes = ReleaseNotes.select(cached, Optional.empty(), Version.parse("1.0.0"));
        for (NotesRenderer.Format f : NotesRenderer.Format.values()) {
            assertTrue(NotesRenderer.render(notes, "Acme", f).contains("showing releases cached on 2026-11-24 10:03 UTC."), f.name());
        }
        assertEquals(List.of(), notes.breaking());
    }
}
