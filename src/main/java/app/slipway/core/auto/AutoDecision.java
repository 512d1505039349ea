package app.slipway.core.auto;

import app.slipway.core.check.CheckResult;
import app.slipway.core.releases.Release;
import java.util.Optional;

/**
 * What {@code slipway auto} does with a check's result (README §Unattended updates): nothing when
 * the stack is up to date; an upgrade (with its backup) when the policy is unattended and the way
 * there crosses no breaking change — to the newest release short of the first one — and otherwise
 * leaves the update to a person, saying why.
 *
 * @param upgradeTo the release to upgrade to, when one may be applied now
 * @param sentence what was decided, in one sentence
 */
public record AutoDecision(Optional<Release> upgradeTo, boolean needsPerson, String sentence) {

    public static AutoDecision of(CheckResult check) {
        return of(check, AutoMemory.EMPTY);
    }

    /** @param memory a version whose unattended upgrade failed is left to a person */
    public static AutoDecision of(CheckResult check, AutoMemory memory) {
        if (!check.updateAvailable()) {
            return new AutoDecision(Optional.empty(), false, "Up to date: no newer release the policy allows.");
        }
        Release newest = check.newestAllowed().get();
        String offer = check.product() + " " + newest.tag() + " is available";
        if (!check.policy().unattended()) {
            return person(offer + ", but the policy leaves updates to a person (unattended: false): upgrade by hand, or set"
                    + " unattended: true in policy.yml.");
        }
        if (check.newestWithoutBreaking().isEmpty()) {
            return person(offer + check.breakingBetween().map(b -> ", but breaking changes lie between " + check.current() + " and it")
                    .orElse(", but " + check.product() + " publishes no release notes to tell whether it breaks anything")
                    + ": read the notes and upgrade by hand.");
        }
        Release target = check.newestWithoutBreaking().get();
        if (memory.failed().filter(target.tag()::equals).isPresent()) {
            return person(offer + ", but an unattended upgrade to " + target.tag() + " failed before and was rolled back: upgrade"
                    + " by hand, or skip it in policy.yml.");
        }
        String sentence = target.equals(newest)
                ? "Upgrading " + check.product() + " from " + check.current() + " to " + target.tag() + ", as the policy allows."
                : "Upgrading " + check.product() + " from " + check.current() + " to " + target.tag() + ", not to " + newest.tag()
                        + ": breaking changes come after " + target.tag() + ".";
        return new AutoDecision(Optional.of(target), false, sentence);
    }

    private static AutoDecision person(String sentence) {
        return new AutoDecision(Optional.empty(), true, sentence);
    }
}
