package app.slipway.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.policy.PolicyFile;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.releases.FakeGitHub;
import app.slipway.core.releases.GitHubReleases;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.ReleaseCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check on a fake GitHub and a registry given as a map: no engine, no network beyond 127.0.0.1. */
class UpdateCheckTest {
    private static final String IMAGE = "r.example/acme/app";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;
    private FakeGitHub github;
    private Set<String> tags = Set.of("1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0", "3.0.0");

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub()
                .release("v3.0.0", "Three", "- feat!: new storage layout", false, false, "2026-11-28T10:00:00Z")
                .release("v2.1.0", "Two one", "- fix: faster", false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", "### Breaking changes\n- the worker is now job", false, false, "2026-09-01T10:00:00Z")
                .release("v1.2.0", "One two", "- feat: tables", false, false, "2026-08-01T10:00:00Z")
                .release("v1.1.0", "One one", "- BREAKING: --old is gone", false, false, "2026-07-01T10:00:00Z")
                .release("v1.0.0", "One", "- first", false, false, "2026-06-01T10:00:00Z");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private Profile profile(String releases) throws Exception {
        Path file = dir.resolve("profile.yml");
        Files.writeString(file, """
                name: Acme
                version_variable: ACME_VERSION
                images: [%s]
                health: {url: "http://127.0.0.1:18080/up"}
                """.formatted(IMAGE) + releases);
        return new ProfileLoader().loadFile(file);
    }

    private Profile onGitHub() throws Exception {
        return profile("releases: {github: acme/app, api: \"" + github.api() + "\"}\n");
    }

    private UpdateCheck check(Function<String, Set<String>> registry) {
        var http = new OkHttpClient();
        var catalog = new ReleaseCatalog(new GitHubReleases(http, name -> null, dir.resolve("cache"), CLOCK), http);
        return new UpdateCheck(catalog, registry, CLOCK);
    }

    private UpdateCheck check() {
        return check(image -> Map.of(IMAGE, tags).getOrDefault(image, Set.of()));
    }

    @Test
    void aNewerAllowedReleaseWithTheBreakingChangesOnTheWay() throws Exception {
        CheckResult r = check().check(onGitHub(), "1.0.0", UpdatePolicy.DEFAULT);

        assertTrue(r.updateAvailable());
        assertEquals("v1.2.0", r.newestAllowed().map(Release::tag).orElseThrow(), "minor steps by default: 2.x is a major step");
        assertEquals("v3.0.0", r.newestOverall().map(Release::tag).orElseThrow());
        assertEquals(Optional.of(true), r.breakingBetween());
        assertEquals(List.of("v1.1.0: BREAKING: --old is gone"),
                r.breaking().stream().map(c -> c.release().tag() + ": " + c.text()).toList());
        assertEquals(Optional.of("https://github.com/" + FakeGitHub.REPO + "/releases/tag/v1.2.0"), r.notesUrl());
        assertEquals(List.of("v3.0.0", "v2.1.0", "v2.0.0"), r.heldBack().stream().map(h -> h.release().tag()).toList());
    }

    @Test
    void nothingBreakingInAPatchRange() throws Exception {
        CheckResult r = check().check(onGitHub(), "2.0.0", UpdatePolicy.DEFAULT);

        assertEquals("v2.1.0", r.newestAllowed().orElseThrow().tag());
        assertEquals(Optional.of(false), r.breakingBetween());
    }

    @Test
    void upToDateWhenOnlyHeldBackReleasesAreNewer() throws Exception {
        CheckResult r = check().check(onGitHub(), "v2.1.0", UpdatePolicy.DEFAULT);

        assertFalse(r.updateAvailable());
        assertEquals(Optional.of(false), r.breakingBetween());
        assertEquals(Optional.empty(), r.notesUrl());
        assertEquals("v3.0.0", r.newestOverall().orElseThrow().tag());
    }

    @Test
    void thePolicyIsApplied() throws Exception {
        UpdatePolicy majorButWeekOld = PolicyFile.parse("level: major\nmin_age: 7d\nskip: [2.1.0]\n", "policy.yml");

        CheckResult r = check().check(onGitHub(), "1.2.0", majorButWeekOld);

        assertEquals("v2.0.0", r.newestAllowed().orElseThrow().tag(), "3.0.0 is 3 days old, 2.1.0 skipped");
        assertEquals(List.of("v3.0.0: out for 3d; the policy wants 7d", "v2.1.0: skipped by the policy"),
                r.heldBack().stream().map(h -> h.release().tag() + ": " + h.reason()).toList());
        assertEquals(Optional.of(true), r.breakingBetween(), "2.0.0's heading counts");
    }

    @Test
    void releasesWithoutImagesAreNotOffered() throws Exception {
        tags = Set.of("1.0.0", "1.1.0");

        CheckResult r = check().check(onGitHub(), "1.0.0", UpdatePolicy.DEFAULT);

        assertEquals("v1.1.0", r.newestAllowed().orElseThrow().tag());
        assertTrue(r.notices().get(0).startsWith("Not offered because their images are missing"), r.notices().toString());
    }

    @Test
    void releasesFromTheCacheAreNotGoodEnoughToSayUpToDate() throws Exception {
        Profile acme = onGitHub();
        check().check(acme, "1.0.0", UpdatePolicy.DEFAULT); // cached now
        github.mode = FakeGitHub.Mode.SERVER_ERROR;

        SlipwayException e = assertThrows(SlipwayException.class, () -> check().check(acme, "1.0.0", UpdatePolicy.DEFAULT));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The releases of Acme cannot be read (GitHub answered HTTP 503), so Slipway cannot tell whether a newer one"
                + " is out: check the network, then try again.", e.getMessage());
    }

    @Test
    void anUnreachableGitHubWithNothingCachedIsOneSentence() throws Exception {
        github.close();

        SlipwayException e = assertThrows(SlipwayException.class, () -> check().check(onGitHub(), "1.0.0", UpdatePolicy.DEFAULT));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("GitHub is unreachable at " + github.api()), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
    }

    @Test
    void anUnreachableRegistryRefusesInsteadOfGuessing() throws Exception {
        String sentence = "The registry r.example cannot be reached (timeout): check the network, then try again.";
        UpdateCheck offline = check(image -> {
            throw SlipwayException.refused(sentence);
        });

        SlipwayException e = assertThrows(SlipwayException.class, () -> offline.check(onGitHub(), "1.0.0", UpdatePolicy.DEFAULT));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals(sentence, e.getMessage());
    }

    @Test
    void registryTagsWithoutNotesLeaveBreakingUnknown() throws Exception {
        CheckResult r = check().check(profile(""), "1.1.0", UpdatePolicy.DEFAULT);

        assertEquals("1.2.0", r.newestAllowed().orElseThrow().tag());
        assertEquals(Optional.empty(), r.breakingBetween());
        assertEquals(Optional.empty(), r.notesUrl());
    }

    @Test
    void theNewestAllowedReleaseBeforeTheFirstBreakingChange() throws Exception {
        UpdatePolicy major = PolicyFile.parse("level: major\n", "policy.yml");

        assertEquals("v1.2.0", check().check(onGitHub(), "1.1.0", major).newestWithoutBreaking().orElseThrow().tag(),
                "2.0.0 breaks");
        assertEquals(Optional.empty(), check().check(onGitHub(), "1.0.0", major).newestWithoutBreaking(), "1.1.0 breaks already");
        assertEquals("v2.1.0", check().check(onGitHub(), "2.0.0", UpdatePolicy.DEFAULT).newestWithoutBreaking().orElseThrow().tag());
        assertEquals(Optional.empty(), check().check(profile(""), "1.1.0", UpdatePolicy.DEFAULT).newestWithoutBreaking(),
                "no notes: nothing is known to be safe");
    }

    @Test
    void aStackOnNoVersionCannotBeCompared() throws Exception {
        SlipwayException e = assertThrows(SlipwayException.class, () -> check().check(onGitHub(), "latest", UpdatePolicy.DEFAULT));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The stack is on 'latest', which is not a version Slipway can compare with releases: pin a release in .env"
                + " (ACME_VERSION=1.2.3), then check again.", e.getMessage());
    }
}
