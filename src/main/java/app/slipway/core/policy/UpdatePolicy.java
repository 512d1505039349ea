package app.slipway.core.policy;

import app.slipway.core.releases.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which releases a stack may be updated to without a person deciding (README §Update policy):
 * read from {@code DIR/.slipway/policy.yml}, else {@link #DEFAULT}.
 *
 * @param level the largest step allowed from the running version
 * @param prereleases whether prereleases count at all
 * @param minimumAge how long a release must have been out ({@link Duration#ZERO}: no wait)
 * @param skip versions never to be offered
 * @param unattended whether {@code slipway auto} may apply an allowed update by itself
 * @param file the file it was read from; empty for the default
 */
public record UpdatePolicy(UpdateLevel level, boolean prereleases, Duration minimumAge, List<Version> skip,
                           boolean unattended, Optional<String> file) {
    /** Without policy.yml: minor steps, no prereleases, no minimum age, nothing skipped, a person decides. */
    public static final UpdatePolicy DEFAULT =
            new UpdatePolicy(UpdateLevel.MINOR, false, Duration.ZERO, List.of(), false, Optional.empty());

    public UpdatePolicy {
        skip = List.copyOf(skip);
        file = file == null ? Optional.empty() : file;
    }

    public boolean skips(Version version) {
        return skip.contains(version);
    }

    /** One line: "minor steps, no prereleases, no minimum age, nothing skipped, not unattended (default)". */
    public String summary() {
        return level.word() + " steps, " + (prereleases ? "prereleases too" : "no prereleases") + ", "
                + (minimumAge.isZero() ? "no minimum age" : "releases at least " + AgeText.format(minimumAge) + " old") + ", "
                + (skip.isEmpty() ? "nothing skipped" : "skipping " + String.join(", ", skip.stream().map(Version::text).toList()))
                + ", " + (unattended ? "unattended" : "not unattended") + " (" + file.orElse("default policy") + ")";
    }
}
