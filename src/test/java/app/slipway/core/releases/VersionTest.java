package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void ordersPrereleasesBySemverRules() {
        // The example from semver §11, shuffled, plus the numbers from README §The CLI (versions, notes).
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-beta.41", "1.0.0-beta.51", "1.0.0-rc.1", "1.0.0", "1.0.1",
                "1.2.0", "1.10.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(Version::text).toList());
    }

    @Test
    void numericIdentifiersRankBelowAlphanumeric() {
        assertTrue(Version.parse("1.0.0-1").compareTo(Version.parse("1.0.0-a")) < 0);
        assertTrue(Version.parse("1.0.0-beta.9").compareTo(Version.parse("1.0.0-beta.10")) < 0);
        assertTrue(Version.parse("1.0.0-beta.99").compareTo(Version.parse("1.0.0-beta.x")) < 0);
    }

    @Test
    void leadingVIsTheSameVersionButKeepsItsText() {
        Version tagged = Version.parse("v1.2.0");
        assertEquals(Version.parse("1.2.0"), tagged);
        assertEquals(Version.parse("1.2.0").hashCode(), tagged.hashCode());
        assertEquals("v1.2.0", tagged.text());
        assertEquals("1.2.0", tagged.canonical());
    }

    @Test
    void missingPatchMeansZero() {
        assertEquals(Version.parse("1.2.0"), Version.parse("1.2"));
        assertEquals("1.2", Version.parse("1.2").text());
        assertEquals("1.2.0-rc.1", Version.parse("v1.2-rc.1").canonical());
    }

    @Test
    void buildMetadataDoesNotOrder() {
        assertEquals(0, Version.parse("1.0.0+build.5").compareTo(Version.parse("1.0.0+other")));
    }

    @Test
    void prereleaseFlag() {
        assertTrue(Version.parse("1.0.0-beta.41").isPrerelease());
        assertFalse(Version.parse("1.0.0").isPrerelease());
    }

    @Test
    void refusesGarbageWithAPlainSentence() {
        for (String bad : List.of("latest", "", "1", "1.2.3.4", "v", "1.x.0", "01.2.3", "1.0.0-beta.01", "1.0.0-", "banana")) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> Version.parse(bad), bad);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals("'" + bad + "' is not a version: use a semantic version such as 1.2.0, v1.2.0 or 1.2.0-beta.1.",
                    e.getMessage());
        }
        assertTrue(Version.tryParse("nightly").isEmpty());
    }
}
