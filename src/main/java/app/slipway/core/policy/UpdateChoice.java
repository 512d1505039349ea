package app.slipway.core.policy;

import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A policy applied to the releases on offer: every release above the running version it allows
 * (newest first), the newest of the kind it considers at all (prereleases only when it takes them),
 * and every newer release it holds back with the reason.
 */
public record UpdateChoice(List<Release> allowed, Optional<Release> newestOverall, List<HeldBack> heldBack) {
    public UpdateChoice {
        allowed = List.copyOf(allowed);
        heldBack = List.copyOf(heldBack);
    }

    /** The newest release the policy allows. */
    public Optional<Release> newestAllowed() {
        return allowed.stream().findFirst();
    }

    /**
     * @param available the releases that may be installed (their images exist), in any order
     * @param now the time release ages are measured at
     */
    public static UpdateChoice of(Version current, List<Release> available, UpdatePolicy policy, Instant now) {
        List<Release> considered = available.stream()
                .filter(r -> policy.prereleases() || !r.prerelease())
                .sorted(Comparator.comparing(Release::version).reversed())
                .toList();
        var allowed = new ArrayList<Release>();
        var held = new ArrayList<HeldBack>();
        for (Release release : considered) {
            if (release.version().compareTo(current) <= 0) break;
            Optional<String> reason = reasonToHold(current, release, policy, now);
            if (reason.isPresent()) {
                held.add(new HeldBack(release, reason.get()));
            } else {
                allowed.add(release);
            }
        }
        return new UpdateChoice(allowed, considered.stream().findFirst(), held);
    }

    private static Optional<String> reasonToHold(Version current, Release release, UpdatePolicy policy, Instant now) {
        if (policy.skips(release.version())) return Optional.of("skipped by the policy");
        UpdateLevel step = UpdateLevel.between(current, release.version());
        if (!policy.level().allows(step)) {
            return Optional.of("a " + step.word() + " step; the policy allows " + policy.level().word());
        }
        if (!policy.minimumAge().isZero()) {
            String wanted = "the policy wants " + AgeText.format(policy.minimumAge());
            if (release.publishedAt().isEmpty()) return Optional.of("its release date is unknown; " + wanted);
            Duration age = Duration.between(release.publishedAt().get(), now);
            if (age.compareTo(policy.minimumAge()) < 0) {
                return Optional.of("out for " + AgeText.describe(age) + "; " + wanted);
            }
        }
        return Optional.empty();
    }
}
