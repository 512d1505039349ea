package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.profile.ReleaseSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCatalogTest {
    @TempDir Path cache;

    private ReleaseCatalog catalog() {
        return new ReleaseCatalog(new GitHubReleases(new OkHttpClient(), k -> null, cache, Clock.systemUTC()), new OkHttpClient());
    }

    private static ReleaseSource withChangelog(FakeGitHub gh) {
        return new ReleaseSource(FakeGitHub.REPO, gh.api(), Optional.of(URI.create(gh.api() + "/CHANGELOG.md")));
    }

    @Test
    void noGitHubReleasesFallsBackToTheChangelog() throws Exception {
        try (var gh = new FakeGitHub()) {
            gh.changelog = ChangelogTest.KEEP_A_CHANGELOG;
            ReleaseFeed feed = catalog().load(withChangelog(gh));
            assertEquals(List.of("1.2.0", "1.1.0-beta.2", "v1.0.0", "0.9.0"), feed.releases().stream().map(Release::tag).toList());
            assertTrue(feed.notice().isEmpty());
        }
    }

    @Test
    void unreleasedOnlyChangelogSaysNothingIsReleasedYet() throws Exception {
        try (var gh = new FakeGitHub()) {
            gh.changelog = "# Changelog\n\n## [Unreleased]\n\n- work in progress\n";
            ReleaseFeed feed = catalog().load(withChangelog(gh));
            assertTrue(feed.releases().isEmpty());
            assertEquals(Optional.of("Nothing is released in the CHANGELOG of acme/app yet (it has only an [Unreleased] section)."),
                    feed.notice());
        }
    }

    @Test
    void emptyReleaseBodiesAreFilledFromTheChangelog() throws Exception {
        try (var gh = new FakeGitHub()) {
            gh.release("v1.2.0", "1.2.0", "", false, false, "2024-01-01T10:00:00Z")
              .release("v1.0.0", "1.0.0", "From GitHub", false, false, "2023-11-15T10:00:00Z");
            gh.changelog = ChangelogTest.KEEP_A_CHANGELOG;
            ReleaseFeed feed = catalog().load(withChangelog(gh));
            assertEquals("### Changed\n- **BREAKING** `APP_KEY` is now required", feed.releases().get(0).body());
            assertEquals("From GitHub", feed.releases().get(1).body());
        }
    }

    @Test
    void unreachableGitHubWithoutCacheUsesTheChangelogAndSaysSo() throws Exception {
        try (var gh = new FakeGitHub()) {
            gh.changelog = ChangelogTest.KEEP_A_CHANGELOG;
            gh.mode = FakeGitHub.Mode.SERVER_ERROR;
            ReleaseFeed feed = catalog().load(withChangelog(gh));
            assertEquals(4, feed.releases().size());
            assertTrue(feed.notice().orElseThrow().startsWith("GitHub is unreachable at " + gh.api()), feed.notice().toString());
            assertTrue(feed.notice().orElseThrow().endsWith("Showing the CHANGELOG instead."), feed.notice().toString());
        }
    }
}
