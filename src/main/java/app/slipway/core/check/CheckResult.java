package app.slipway.core.check;

import app.slipway.core.policy.HeldBack;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.Release;
import java.util.List;
import java.util.Optional;

/**
 * What {@code slipway check} found (README §Keeping up without babysitting).
 *
 * @param product the product's display name
 * @param current the version the stack is on (the pin, else what runs), as written there
 * @param newestAllowed the newest release above {@code current} the policy allows
 * @param newestOverall the newest release on offer of the kind the policy considers (prereleases only when it takes
 *     them), whatever its step, age or skip
 * @param breaking the breaking changes of the releases after {@code current} up to {@code newestAllowed}
 * @param newestWithoutBreaking the newest allowed release with no breaking change after {@code current} up to it;
 *     empty when there is none, or when no release notes tell
 * @param notesPublished whether the product publishes release notes at all (without them nothing is known of breaking
 *     changes)
 * @param notesUrl where to read the notes of {@code newestAllowed}, when known
 * @param heldBack newer releases the policy does not allow, newest first, each with why
 * @param notices what the reader should know about the data (hidden releases, for one)
 */
public record CheckResult(String product, String current, Optional<Release> newestAllowed, Optional<Release> newestOverall,
                          List<BreakingChanges.Change> breaking, Optional<Release> newestWithoutBreaking,
                          boolean notesPublished, Optional<String> notesUrl,
                          UpdatePolicy policy, List<HeldBack> heldBack, List<String> notices) {
    public CheckResult {
        breaking = List.copyOf(breaking);
        heldBack = List.copyOf(heldBack);
        notices = List.copyOf(notices);
    }

    public boolean updateAvailable() {
        return newestAllowed.isPresent();
    }

    /**
     * Whether breaking changes lie between the current version and the newest allowed one: false when
     * there is no update; empty when the product publishes no notes to tell.
     */
    public Optional<Boolean> breakingBetween() {
        if (!updateAvailable()) return Optional.of(false);
        return notesPublished ? Optional.of(!breaking.isEmpty()) : Optional.empty();
    }
}
