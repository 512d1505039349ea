package app.slipway.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.check.CheckResult;
import app.slipway.core.policy.UpdateLevel;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoDecisionTest {
    private static final UpdatePolicy UNATTENDED =
            new UpdatePolicy(UpdateLevel.MINOR, false, Duration.ZERO, List.of(), true, Optional.empty());

    private static Release release(String tag) {
        return new Release(tag, Version.parse(tag), tag, "", false, Optional.of(Instant.EPOCH), Optional.empty());
    }

    private static CheckResult check(UpdatePolicy policy, String newest, String safe, boolean breaking, boolean notes) {
        Optional<Release> allowed = Optional.ofNullable(newest).map(AutoDecisionTest::release);
        List<BreakingChanges.Change> changes = breaking ? List.of(new BreakingChanges.Change(release(newest), "feat!: x")) : List.of();
        return new CheckResult("Fixture", "2.0.0", allowed, allowed, changes, Optional.ofNullable(safe).map(AutoDecisionTest::release),
                notes, Optional.empty(), policy, List.of(), List.of());
    }

    @Test
    void upToDateDoesNothing() {
        AutoDecision d = AutoDecision.of(check(UNATTENDED, null, null, false, true));

        assertTrue(d.upgradeTo().isEmpty());
        assertFalse(d.needsPerson());
        assertEquals("Up to date: no newer release the policy allows.", d.sentence());
    }

    @Test
    void anAttendedPolicyLeavesTheUpdateToAPerson() {
        AutoDecision d = AutoDecision.of(check(UpdatePolicy.DEFAULT, "v2.1.0", "v2.1.0", false, true));

        assertTrue(d.upgradeTo().isEmpty());
        assertTrue(d.needsPerson());
        assertEquals("Fixture v2.1.0 is available, but the policy leaves updates to a person (unattended: false): upgrade by hand,"
                + " or set unattended: true in policy.yml.", d.sentence());
    }

    @Test
    void anUnattendedPolicyUpgrades() {
        AutoDecision d = AutoDecision.of(check(UNATTENDED, "v2.1.0", "v2.1.0", false, true));

        assertEquals("v2.1.0", d.upgradeTo().orElseThrow().tag());
        assertEquals("Upgrading Fixture from 2.0.0 to v2.1.0, as the policy allows.", d.sentence());
    }

    @Test
    void neverAcrossABreakingChangeButAsFarAsBeforeIt() {
        AutoDecision none = AutoDecision.of(check(UNATTENDED, "v2.2.0", null, true, true));
        assertTrue(none.needsPerson());
        assertEquals("Fixture v2.2.0 is available, but breaking changes lie between 2.0.0 and it: read the notes and upgrade by"
                + " hand.", none.sentence());

        AutoDecision partway = AutoDecision.of(check(UNATTENDED, "v2.2.0", "v2.1.3", true, true));
        assertEquals("v2.1.3", partway.upgradeTo().orElseThrow().tag());
        assertEquals("Upgrading Fixture from 2.0.0 to v2.1.3, not to v2.2.0: breaking changes come after v2.1.3.", partway.sentence());
    }

    @Test
    void withoutReleaseNotesNothingIsAppliedUnattended() {
        AutoDecision d = AutoDecision.of(check(UNATTENDED, "2.1.0", null, false, false));

        assertTrue(d.needsPerson());
        assertEquals("Fixture 2.1.0 is available, but Fixture publishes no release notes to tell whether it breaks anything: read"
                + " the notes and upgrade by hand.", d.sentence());
    }

    @Test
    void aVersionWhoseUnattendedUpgradeFailedIsNotTriedAgain() {
        AutoMemory failed = AutoMemory.EMPTY.withFailed("v2.1.0");

        AutoDecision d = AutoDecision.of(check(UNATTENDED, "v2.1.0", "v2.1.0", false, true), failed);

        assertTrue(d.needsPerson());
        assertTrue(d.sentence().contains("an unattended upgrade to v2.1.0 failed before and was rolled back"), d.sentence());
        assertEquals("v2.2.0", AutoDecision.of(check(UNATTENDED, "v2.2.0", "v2.2.0", false, true), failed).upgradeTo()
                .orElseThrow().tag(), "a newer release is tried");
    }
}
