package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.SlipwayException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionSpellingTest {
    @Test
    void theRegistrysSpellingWins() {
        assertEquals("1.0.0-beta.51", VersionSpelling.choose("v1.0.0-beta.51", Set.of("1.0.0-beta.51", "latest")));
        assertEquals("v2.1.0", VersionSpelling.choose("2.1.0", Set.of("v2.1.0")));
        assertEquals("2.1.0", VersionSpelling.choose("2.1.0", Set.of("2.1.0", "v2.1.0")));
        assertEquals("9.9.9", VersionSpelling.choose("9.9.9", Set.of("1.0.0")), "unknown: as typed, the pull says it is missing");
        assertEquals("latest", VersionSpelling.choose("latest", Set.of("v1")));
    }

    @Test
    void onlyAReleaseNameIsLookedUpAndAnUnreachableRegistryLeavesItAsTyped() {
        var profile = new app.slipway.core.profile.ProfileLoader().loadBuiltIn("appstrate");
        assertEquals("1.0.0-beta.51", VersionSpelling.resolve(profile, "v1.0.0-beta.51", repo -> Set.of("1.0.0-beta.51")));
        assertEquals("1.0.0", VersionSpelling.resolve(profile, "1.0.0", repo -> {
            throw new AssertionError("an image tag is not looked up");
        }));
        assertEquals("v1.0.0", VersionSpelling.resolve(profile, "v1.0.0", repo -> {
            throw SlipwayException.refused("offline");
        }));
    }
}
