package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseNotesTest {
    /** The standard fake releases, as GitHubReleases parses them (newest first, no draft). */
    static final ReleaseFeed FEED = new ReleaseFeed(GitHubReleases.parse(List.of(standardJson())), Optional.empty());

    /** The three pages the fake GitHub serves, joined into one JSON array for these pure tests. */
    private static String standardJson() {
        try (var gh = FakeGitHub.withStandardReleases()) {
            var client = new okhttp3.OkHttpClient();
            var joined = new StringBuilder();
            String url = gh.api() + "/repos/acme/app/releases?per_page=100";
            while (url != null) {
                try (var r = client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
                    String page = r.body().string();
                    joined.append(joined.isEmpty() ? "" : ",").append(page, 1, page.length() - 1);
                    url = LinkHeader.next(r.header("Link")).orElse(null);
                }
            }
            return "[" + joined + "]";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> tags(ReleaseNotes notes) {
        return notes.releases().stream().map(Release::tag).toList();
    }

    private static ReleaseNotes select(String from, String to) {
        return ReleaseNotes.select(FEED, Optional.ofNullable(from).map(Version::parse), Version.parse(to));
    }

    @Test
    void fromIsExclusiveToIsInclusiveNewestFirst() {
        assertEquals(List.of("v2.1.0", "v2.0.0", "v1.2.0"), tags(select("1.1.0", "2.1.0")));
        assertEquals(List.of("v2.0.0"), tags(select("v1.2.0", "v2.0.0")));
    }

    @Test
    void fromMayBeAVersionThatIsNotARelease() {
        assertEquals(List.of("v2.0.0", "v1.2.0"), tags(select("1.1.5", "2.0.0")));
    }

    @Test
    void withoutFromEverythingUpToTheTarget() {
        assertEquals(List.of("v1.2.0", "v1.1.0", "v1.0.0"), tags(select(null, "1.2.0")));
    }

    @Test
    void prereleasesOnlyWhenTheTargetIsOne() {
        assertEquals(List.of("v2.1.0"), tags(select("2.0.0", "2.1.0")));
        assertEquals(List.of("v3.0.0-rc.1", "v2.1.0"), tags(select("2.0.0", "3.0.0-rc.1")));
        assertEquals(List.of("v1.0.0"), tags(select("0.9.0", "1.0.0")), "betas of 1.0.0 are left out of a stable target");
        assertEquals(List.of("v1.0.0-beta.51", "v1.0.0-beta.41"), tags(select("0.9.0", "1.0.0-beta.51")));
        assertEquals(List.of("v1.0.0-beta.51"), tags(select("1.0.0-beta.41", "1.0.0-beta.51")));
    }

    @Test
    void aTargetGitHubMarksAsPrereleaseBringsPrereleasesAlong() {
        var feed = new ReleaseFeed(List.of(
                new Release("2.0.0", Version.parse("2.0.0"), "", "", true, Optional.empty(), Optional.empty()),
                new Release("1.9.0", Version.parse("1.9.0"), "", "", true, Optional.empty(), Optional.empty()),
                new Release("1.8.0", Version.parse("1.8.0"), "", "", false, Optional.empty(), Optional.empty())), Optional.empty());
        assertEquals(List.of("2.0.0", "1.9.0", "1.8.0"),
                tags(ReleaseNotes.select(feed, Optional.empty(), Version.parse("2.0.0"))));
        assertEquals(List.of("1.8.0"), tags(ReleaseNotes.select(feed, Optional.empty(), Version.parse("1.8.0"))));
    }

    @Test
    void breakingChangesAreGatheredNewestReleaseFirst() {
        ReleaseNotes notes = select("1.0.0", "3.0.0-rc.1");
        List<String> summary = notes.breaking().stream().map(c -> c.release().tag() + " " + c.text()).toList();
        assertEquals(List.of(
                "v3.0.0-rc.1 feat!: new storage layout",
                "v2.0.0 BREAKING CHANGE: `STRATA_SECRET` is renamed to `STRATA_SECRET_KEY_BASE`",
                "v2.0.0 feat(api)!: drop the v1 endpoints",
                "v2.0.0 **Breaking**: the `worker` service is now `job`",
                "v2.0.0 Postgres 16 is required",
                "v1.1.0 breaking: the `--old` flag is gone"), summary);
    }

    @Test
    void targetThatIsNotAReleaseIsBadInput() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> select("1.0.0", "2.5.0"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("Version 2.5.0 is not among the releases (newest: v3.0.0-rc.1): run 'slipway versions' to list them.",
                e.getMessage());
    }

    @Test
    void fromNotBelowToIsBadInput() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> select("2.1.0", "v2.1.0"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("--from 2.1.0 is not older than --to v2.1.0"), e.getMessage());
    }

    @Test
    void nothingReleasedIsNotAnError() {
        var empty = new ReleaseFeed(List.of(), Optional.of("Nothing is released yet."));
        ReleaseNotes notes = ReleaseNotes.select(empty, Optional.empty(), Version.parse("1.0.0"));
        assertTrue(notes.releases().isEmpty());
        assertEquals(List.of("Nothing is released yet."), notes.notices());
    }
}
