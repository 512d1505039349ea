package app.slipway.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy applied to releases: levels across semver, prereleases, a minimum age against a fixed clock, skips. */
class UpdateChoiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Release release(String tag, String published) {
        Version v = Version.parse(tag);
        return new Release(tag, v, tag, "", v.isPrerelease(), Optional.ofNullable(published).map(Instant::parse), Optional.empty());
    }

    private static Release release(String tag) {
        return release(tag, "2026-01-01T00:00:00Z");
    }

    private static UpdatePolicy policy(UpdateLevel level, boolean prereleases, Duration age, List<String> skip) {
        return new UpdatePolicy(level, prereleases, age, skip.stream().map(Version::parse).toList(), false, Optional.empty());
    }

    private static UpdateChoice choose(String current, UpdatePolicy policy, Release... available) {
        return UpdateChoice.of(Version.parse(current), List.of(available), policy, NOW);
    }

    private static String allowed(UpdateChoice choice) {
        return choice.newestAllowed().map(Release::tag).orElse("none");
    }

    private static final Release[] LADDER = {release("1.2.3"), release("1.2.4"), release("1.2.10"), release("1.3.0"),
            release("1.10.0"), release("2.0.0"), release("10.0.0")};

    @Test
    void theStepIsMeasuredByTheFirstNumberThatChanges() {
        assertEquals(UpdateLevel.PATCH, UpdateLevel.between(Version.parse("1.2.3"), Version.parse("1.2.10")));
        assertEquals(UpdateLevel.MINOR, UpdateLevel.between(Version.parse("1.2.3"), Version.parse("1.10.0")));
        assertEquals(UpdateLevel.MAJOR, UpdateLevel.between(Version.parse("1.9.9"), Version.parse("10.0.0")));
        assertEquals(UpdateLevel.MINOR, UpdateLevel.between(Version.parse("0.3.1"), Version.parse("0.4.0")), "0.x is not special");
        assertEquals(UpdateLevel.PATCH, UpdateLevel.between(Version.parse("2.0.0-rc.1"), Version.parse("2.0.0")));
        assertEquals(UpdateLevel.PATCH, UpdateLevel.between(Version.parse("v1.2.3"), Version.parse("1.2.4")), "v is only spelling");
    }

    @Test
    void eachLevelAllowsItsStepAndTheSmallerOnes() {
        assertEquals("1.2.10", allowed(choose("1.2.3", policy(UpdateLevel.PATCH, false, Duration.ZERO, List.of()), LADDER)),
                "numeric, not text order: 1.2.10 > 1.2.4");
        assertEquals("1.10.0", allowed(choose("1.2.3", policy(UpdateLevel.MINOR, false, Duration.ZERO, List.of()), LADDER)));
        assertEquals("10.0.0", allowed(choose("1.2.3", policy(UpdateLevel.MAJOR, false, Duration.ZERO, List.of()), LADDER)));
    }

    @Test
    void heldBackReleasesSayWhyNewestFirstAndNewestOverallIgnoresTheLevel() {
        UpdateChoice choice = choose("1.2.3", policy(UpdateLevel.PATCH, false, Duration.ZERO, List.of()), LADDER);

        assertEquals("10.0.0", choice.newestOverall().orElseThrow().tag());
        assertEquals(List.of("10.0.0: a major step; the policy allows patch", "2.0.0: a major step; the policy allows patch",
                        "1.10.0: a minor step; the policy allows patch", "1.3.0: a minor step; the policy allows patch"),
                choice.heldBack().stream().map(h -> h.release().tag() + ": " + h.reason()).toList());
    }

    @Test
    void upToDateWhenNothingNewerIsAllowed() {
        UpdateChoice choice = choose("2.0.0", UpdatePolicy.DEFAULT, release("1.0.0"), release("2.0.0"), release("3.0.0"));

        assertTrue(choice.newestAllowed().isEmpty());
        assertEquals("3.0.0", choice.newestOverall().orElseThrow().tag());
        assertEquals(1, choice.heldBack().size());
    }

    @Test
    void olderAndEqualReleasesAreNeverOffered() {
        UpdateChoice choice = choose("v2.1.0", UpdatePolicy.DEFAULT, release("2.1.0"), release("2.0.5"));

        assertTrue(choice.newestAllowed().isEmpty(), "v2.1.0 and 2.1.0 are one version");
        assertTrue(choice.heldBack().isEmpty());
    }

    @Test
    void prereleasesCountOnlyWhenThePolicyTakesThem() {
        Release[] offered = {release("2.0.0"), release("2.1.0-rc.1"), release("2.1.0-rc.2"), release("3.0.0-beta.1")};

        UpdateChoice stable = choose("2.0.0", UpdatePolicy.DEFAULT, offered);
        assertTrue(stable.newestAllowed().isEmpty());
        assertEquals("2.0.0", stable.newestOverall().orElseThrow().tag(), "prereleases are not even the newest overall");
        assertTrue(stable.heldBack().isEmpty(), "prereleases are left out, not held back");

        UpdateChoice withPre = choose("2.0.0", policy(UpdateLevel.MINOR, true, Duration.ZERO, List.of()), offered);
        assertEquals("2.1.0-rc.2", allowed(withPre), "rc.2 > rc.1 by semver");
        assertEquals("3.0.0-beta.1", withPre.newestOverall().orElseThrow().tag());
    }

    @Test
    void aStableReleaseOfTheRunningPrereleaseIsAPatchStep() {
        UpdateChoice choice = choose("1.0.0-beta.51", UpdatePolicy.DEFAULT,
                release("1.0.0-beta.52"), release("1.0.0"), release("1.1.0"), release("2.0.0"));

        assertEquals("1.1.0", allowed(choice));
        UpdateChoice patch = choose("1.0.0-beta.51", policy(UpdateLevel.PATCH, false, Duration.ZERO, List.of()),
                release("1.0.0-beta.52"), release("1.0.0"), release("1.1.0"));
        assertEquals("1.0.0", allowed(patch));
    }

    @Test
    void aGitHubPrereleaseWithAStableLookingTagIsStillAPrerelease() {
        Release marked = new Release("2.1.0", Version.parse("2.1.0"), "2.1.0", "", true, Optional.of(Instant.EPOCH), Optional.empty());

        assertTrue(choose("2.0.0", UpdatePolicy.DEFAULT, marked).newestAllowed().isEmpty());
    }

    @Test
    void aMinimumAgeHoldsBackWhatIsTooNewOrUndated() {
        UpdatePolicy week = policy(UpdateLevel.MINOR, false, Duration.ofDays(7), List.of());
        Release old = release("2.1.0", "2026-11-20T12:00:00Z");        // 11 days
        Release edge = release("2.2.0", "2026-11-24T12:00:00Z");       // exactly 7 days: old enough
        Release young = release("2.3.0", "2026-11-30T00:00:00Z");      // 36 hours
        Release fresh = release("2.4.0", "2026-12-01T11:30:00Z");      // half an hour
        Release undated = release("2.5.0", null);                      // a registry tag: no date

        UpdateChoice choice = choose("2.0.0", week, old, edge, young, fresh, undated);

        assertEquals("2.2.0", allowed(choice));
        assertEquals(List.of("2.5.0: its release date is unknown; the policy wants 7d",
                        "2.4.0: out for less than an hour; the policy wants 7d",
                        "2.3.0: out for 36h; the policy wants 7d"),
                choice.heldBack().stream().map(h -> h.release().tag() + ": " + h.reason()).toList());
        assertEquals("2.5.0", allowed(choose("2.0.0", UpdatePolicy.DEFAULT, old, undated)), "no minimum age: dates do not matter");
    }

    @Test
    void theAgeIsMeasuredAtTheInjectedTime() {
        UpdatePolicy day = policy(UpdateLevel.MINOR, false, Duration.ofDays(1), List.of());
        Release r = release("2.1.0", "2026-12-01T00:00:00Z");

        assertTrue(UpdateChoice.of(Version.parse("2.0.0"), List.of(r), day, Instant.parse("2026-12-01T23:59:59Z")).newestAllowed().isEmpty());
        assertFalse(UpdateChoice.of(Version.parse("2.0.0"), List.of(r), day, Instant.parse("2026-12-02T00:00:00Z")).newestAllowed().isEmpty());
    }

    @Test
    void skippedVersionsAreNeverAllowedWhateverTheirSpelling() {
        UpdatePolicy skipping = policy(UpdateLevel.MINOR, false, Duration.ZERO, List.of("2.2.0", "v2.1.0"));

        UpdateChoice choice = choose("2.0.0", skipping, release("v2.1.0"), release("2.2.0"), release("2.1.5"));

        assertEquals("2.1.5", allowed(choice));
        assertEquals(List.of("2.2.0: skipped by the policy", "v2.1.0: skipped by the policy"),
                choice.heldBack().stream().map(h -> h.release().tag() + ": " + h.reason()).toList());
    }

    @Test
    void theDefaultIsMinorStableNoAgeNothingSkippedAttended() {
        UpdatePolicy d = UpdatePolicy.DEFAULT;
        assertEquals(UpdateLevel.MINOR, d.level());
        assertFalse(d.prereleases());
        assertEquals(Duration.ZERO, d.minimumAge());
        assertTrue(d.skip().isEmpty());
        assertFalse(d.unattended());
        assertEquals("minor steps, no prereleases, no minimum age, nothing skipped, not unattended (default policy)", d.summary());
    }
}
