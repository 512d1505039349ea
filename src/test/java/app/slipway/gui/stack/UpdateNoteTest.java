package app.slipway.gui.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.check.CheckResult;
import app.slipway.core.policy.HeldBack;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Stack page's line about updates says what `slipway check` found, in one sentence. */
class UpdateNoteTest {
    private static Release release(String tag) {
        return new Release(tag, Version.parse(tag), tag, "", false, Optional.empty(), Optional.empty());
    }

    private static CheckResult result(Optional<Release> newest, List<BreakingChanges.Change> breaking, boolean notes,
                                      List<HeldBack> held) {
        return new CheckResult("Fixture", "2.0.0", newest, newest, breaking, Optional.empty(), notes, Optional.empty(),
                UpdatePolicy.DEFAULT, held, List.of());
    }

    @Test
    void anUpdateWithBreakingChangesSaysSo() {
        var next = release("v3.0.0");
        assertEquals("Update available: v3.0.0 (running 2.0.0) — breaking changes on the way (1), read the notes first.",
                UpdateNote.of(result(Optional.of(next), List.of(new BreakingChanges.Change(next, "drops the v1 API")), true, List.of())));
        assertEquals("Update available: v2.1.0 (running 2.0.0) — no breaking changes on the way.",
                UpdateNote.of(result(Optional.of(release("v2.1.0")), List.of(), true, List.of())));
        assertEquals("Update available: v2.1.0 (running 2.0.0) — the product publishes no notes to tell of breaking changes.",
                UpdateNote.of(result(Optional.of(release("v2.1.0")), List.of(), false, List.of())));
    }

    @Test
    void upToDateCountsWhatThePolicyHoldsBack() {
        assertEquals("Up to date: 2.0.0 is the newest release the policy allows.",
                UpdateNote.of(result(Optional.empty(), List.of(), true, List.of())));
        assertEquals("Up to date: 2.0.0 is the newest release the policy allows (1 newer release held back by the stack's policy).",
                UpdateNote.of(result(Optional.empty(), List.of(), true, List.of(new HeldBack(release("v3.0.0"), "a major step")))));
    }
}
