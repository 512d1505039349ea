package app.slipway.gui.stack;

import app.slipway.core.check.CheckResult;
import app.slipway.core.releases.Release;

/** The Stack page's line about updates, from what {@code slipway check} found. */
final class UpdateNote {
    private UpdateNote() {}

    static String of(CheckResult r) {
        if (!r.updateAvailable()) {
            String held = r.heldBack().isEmpty() ? ""
                    : " (" + r.heldBack().size() + " newer release" + (r.heldBack().size() == 1 ? "" : "s")
                            + " held back by the stack's policy)";
            return "Up to date: " + r.current() + " is the newest release the policy allows" + held + ".";
        }
        Release newest = r.newestAllowed().orElseThrow();
        String breaking = r.breakingBetween().map(b -> b
                ? " — breaking changes on the way (" + r.breaking().size() + "), read the notes first"
                : " — no breaking changes on the way").orElse(" — the product publishes no notes to tell of breaking changes");
        return "Update available: " + newest.tag() + " (running " + r.current() + ")" + breaking + ".";
    }

}
