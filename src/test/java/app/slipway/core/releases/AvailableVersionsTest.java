package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.testbed.Testbed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class AvailableVersionsTest {

    private static Release release(String tag, boolean prerelease) {
        return new Release(tag, Version.parse(tag), tag, "", prerelease, Optional.of(Instant.EPOCH), Optional.empty());
    }

    private static final ReleaseFeed FEED = new ReleaseFeed(List.of(release("v3.1.0", false), release("v3.0.0", false),
            release("v3.0.0-rc.1", true), release("v2.1.0", false), release("v2.0.0", false), release("v1.0.0", false),
            release("v0.9.0", false)), Optional.empty());

    private static List<String> tags(AvailableVersions.Result r) {
        return r.versions().stream().map(Release::tag).toList();
    }

    @Test
    void hidesReleasesWhoseImageTagIsMissingFromTheRealRegistry() {
        Testbed testbed = Testbed.require();
        Profile fixture = new ProfileLoader().loadFile(testbed.fixtureProfile());

        AvailableVersions.Result result = new AvailableVersions(new RegistryTags(new OkHttpClient())::tags).of(fixture, FEED);

        // The registry holds 1.0.0, 2.0.0, 2.1.0 and 3.0.0 (no v prefix): v3.1.0, the rc and v0.9.0 have no image.
        assertEquals(List.of("v3.0.0", "v2.1.0", "v2.0.0", "v1.0.0"), tags(result));
        assertEquals("v3.0.0", result.latest().orElseThrow().tag());
        assertEquals(List.of("Not offered because their images are missing from the registry: v3.1.0, v3.0.0-rc.1, v0.9.0."),
                result.notices());
    }

    @Test
    void theMainImageMustHaveTheTagAndVPrefixesMatch() {
        Profile two = profileWithImages("r.example/acme/web", "r.example/acme/worker");
        Map<String, Set<String>> registry = Map.of(
                "r.example/acme/web", Set.of("v3.1.0", "3.0.0", "v3.0.0-rc.1", "2.1.0"),
                "r.example/acme/worker", Set.of("3.1.0", "v3.0.0", "3.0.0-rc.1"));

        AvailableVersions.Result result = new AvailableVersions(registry::get).of(two, FEED);

        // The main image decides: the others are checked at the pull, as each version's compose file names them.
        assertEquals(List.of("v3.1.0", "v3.0.0", "v2.1.0", "v3.0.0-rc.1"), tags(result), "stable first, newest first, then prereleases");
        assertEquals("v3.1.0", result.latest().orElseThrow().tag());
    }

    @Test
    void unreachableRegistryKeepsTheReleasesAndSaysTheCheckWasSkipped() {
        Profile one = profileWithImages("r.example/acme/web");
        var cached = new ReleaseFeed(FEED.releases(), Optional.of("GitHub is unreachable; showing releases cached on 2026-11-24 10:03 UTC."));

        AvailableVersions.Result result = new AvailableVersions(image -> {
            throw SlipwayException.refused("The registry r.example cannot be reached (timeout): check the network, then try again.");
        }).of(one, cached);

        assertEquals(List.of("v3.1.0", "v3.0.0", "v2.1.0", "v2.0.0", "v1.0.0", "v0.9.0", "v3.0.0-rc.1"), tags(result));
        assertEquals(2, result.notices().size());
        assertEquals(cached.notice().orElseThrow(), result.notices().get(0));
        assertTrue(result.notices().get(1).startsWith("The image registry could not be checked, so these versions are not confirmed"),
                result.notices().get(1));
    }

    @Test
    void matchesTagSpellings() {
        assertTrue(AvailableVersions.hasTag(Set.of("1.2.0"), Version.parse("v1.2.0")));
        assertTrue(AvailableVersions.hasTag(Set.of("v1.2.0"), Version.parse("1.2.0")));
        assertTrue(AvailableVersions.hasTag(Set.of("1.2"), Version.parse("v1.2")));
        assertTrue(!AvailableVersions.hasTag(Set.of("1.2.0-rc.1", "latest"), Version.parse("1.2.0")));
    }

    private static Profile profileWithImages(String... images) {
        Profile base = new ProfileLoader().loadBuiltIn("strata");
        return new Profile(base.source(), base.name(), base.versionVariable(), List.of(images), base.health(),
                base.renames(), base.backup(), base.releases(), base.install(), List.of(), false);
    }
}
