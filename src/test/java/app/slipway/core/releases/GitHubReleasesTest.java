package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ReleaseSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubReleasesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:03:27Z"), ZoneOffset.UTC);

    @TempDir Path cache;
    private FakeGitHub github;

    @BeforeEach
    void start() throws Exception {
        github = FakeGitHub.withStandardReleases();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private GitHubReleases client(Map<String, String> env) {
        return new GitHubReleases(new OkHttpClient(), env::get, cache, CLOCK);
    }

    private ReleaseSource source(URI api) {
        return new ReleaseSource(FakeGitHub.REPO, api, Optional.empty());
    }

    private static List<String> tags(ReleaseFeed feed) {
        return feed.releases().stream().map(Release::tag).toList();
    }

    @Test
    void readsEveryPageSkipsDraftsAndNonVersionTagsNewestFirst() {
        ReleaseFeed feed = client(Map.of()).fetch(source(github.api()));

        assertEquals(List.of("v3.0.0-rc.1", "v2.1.0", "v2.0.0", "v1.2.0", "v1.1.0", "v1.0.0", "v1.0.0-beta.51",
                "v1.0.0-beta.41"), tags(feed));
        assertTrue(feed.notice().isEmpty());
        assertEquals(3, github.releaseRequests().size(), "three pages, followed through the Link header");
        assertTrue(github.releaseRequests().get(0).pathAndQuery().contains("per_page=100"));
        assertTrue(github.releaseRequests().get(2).pathAndQuery().endsWith("page=3"));
        Release rc = feed.releases().get(0);
        assertTrue(rc.prerelease());
        assertEquals("3.0.0 release candidate", rc.name());
        assertEquals(Optional.of(Instant.parse("2026-11-20T09:00:00Z")), rc.publishedAt());
        assertEquals(Optional.of("https://github.com/acme/app/releases/tag/v3.0.0-rc.1"), rc.htmlUrl());
        assertEquals("v1.2.0", feed.releases().get(3).name(), "an empty name falls back to the tag");
    }

    @Test
    void sendsTheGitHubAcceptHeaderAndNoTokenWhenNoneIsSet() {
        client(Map.of()).fetch(source(github.api()));
        for (FakeGitHub.Seen s : github.releaseRequests()) {
            assertEquals("application/vnd.github+json", s.accept());
            assertNull(s.authorization());
        }
    }

    @Test
    void sendsGitHubTokenAsBearer() {
        client(Map.of("GITHUB_TOKEN", "ghp_test123")).fetch(source(github.api()));
        assertEquals(3, github.releaseRequests().size());
        github.releaseRequests().forEach(s -> assertEquals("Bearer ghp_test123", s.authorization()));
    }

    @Test
    void secondFetchRevalidatesWithETagsAndReusesTheCache() throws Exception {
        ReleaseFeed first = client(Map.of()).fetch(source(github.api()));
        assertTrue(Files.isRegularFile(cache.resolve("acme_app/page-1.etag")));
        assertTrue(Files.isRegularFile(cache.resolve("acme_app/page-3.json")));

        ReleaseFeed second = client(Map.of()).fetch(source(github.api()));

        assertEquals(3, github.notModified.get(), "each of the three pages answered 304");
        List<FakeGitHub.Seen> again = github.releaseRequests().subList(3, 6);
        again.forEach(s -> assertTrue(s.ifNoneMatch() != null && s.ifNoneMatch().startsWith("W/\""), s.toString()));
        again.forEach(s -> assertEquals(304, s.status()));
        assertEquals(first.releases(), second.releases());
        assertTrue(second.notice().isEmpty());
    }

    @Test
    void rateLimitIsOneSentenceWithResetTimeAndTokenHint() {
        github.mode = FakeGitHub.Mode.RATE_LIMITED;
        github.rateLimitReset = Instant.parse("2026-11-25T14:05:00Z").getEpochSecond();

        SlipwayException e = assertThrows(SlipwayException.class, () -> client(Map.of()).fetch(source(github.api())));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("GitHub's API rate limit is used up until 2026-11-25 14:05 UTC; "
                + "set GITHUB_TOKEN to a GitHub token for a higher limit, or wait.", e.getMessage());
    }

    @Test
    void offlineShowsCachedReleasesWithTheirDate() {
        ReleaseFeed live = client(Map.of()).fetch(source(github.api()));
        URI api = github.api();
        github.close(); // nothing listens on that port any more

        ReleaseFeed offline = new GitHubReleases(new OkHttpClient(), k -> null, cache, Clock.systemUTC()).fetch(source(api));

        assertEquals(live.releases(), offline.releases());
        assertEquals(Optional.of("GitHub is unreachable; showing releases cached on 2026-11-24 10:03 UTC."), offline.notice());
    }

    @Test
    void serverErrorAlsoFallsBackToTheCache() {
        client(Map.of()).fetch(source(github.api()));
        github.mode = FakeGitHub.Mode.SERVER_ERROR;

        ReleaseFeed feed = client(Map.of()).fetch(source(github.api()));

        assertEquals(8, feed.releases().size());
        assertTrue(feed.notice().orElseThrow().startsWith("GitHub is unreachable; showing releases cached on"));
    }

    @Test
    void offlineWithoutCacheIsOneClearRefusal() {
        URI api = github.api();
        github.close();

        SlipwayException e = assertThrows(SlipwayException.class, () -> client(Map.of()).fetch(source(api)));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("GitHub is unreachable at " + api), e.getMessage());
        assertTrue(e.getMessage().contains("no releases of acme/app are cached"), e.getMessage());
        assertTrue(e.getMessage().endsWith("check the network and try again."), e.getMessage());
    }

    @Test
    void unknownRepositoryIsRefused() {
        var source = new ReleaseSource("acme/nope", github.api(), Optional.empty());
        SlipwayException e = assertThrows(SlipwayException.class, () -> client(Map.of()).fetch(source));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("GitHub has no repository acme/nope"), e.getMessage());
    }
}
