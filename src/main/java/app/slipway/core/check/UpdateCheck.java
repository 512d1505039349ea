package app.slipway.core.check;

import app.slipway.core.SlipwayException;
import app.slipway.core.policy.UpdateChoice;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.profile.Profile;
import app.slipway.core.releases.AvailableVersions;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.RegistryFeed;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.ReleaseCatalog;
import app.slipway.core.releases.ReleaseFeed;
import app.slipway.core.releases.ReleaseNotes;
import app.slipway.core.releases.Version;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Is a newer release the policy allows out? Reads the releases and the registry as {@code slipway
 * versions} and the wizard's Version page do, and changes nothing anywhere. Unlike them it never
 * answers from stale data: a release source or registry that cannot be read is a refusal (exit 3),
 * since "up to date" would then be a guess.
 */
public final class UpdateCheck {
    private final ReleaseCatalog releases;
    private final Function<String, Set<String>> tagsOf;
    private final Clock clock;

    /**
     * @param tagsOf the tags of an image repository, asked with the target's registry logins
     * @param clock measures release ages against the policy's minimum
     */
    public UpdateCheck(ReleaseCatalog releases, Function<String, Set<String>> tagsOf, Clock clock) {
        this.releases = releases;
        this.tagsOf = tagsOf;
        this.clock = clock;
    }

    /** @param current the version the stack is on, as its pin or its images write it */
    public CheckResult check(Profile profile, String current, UpdatePolicy policy) {
        Version running = Version.tryParse(current).orElseThrow(() -> SlipwayException.refused("The stack is on '" + current
                + "', which is not a version Slipway can compare with releases: pin a release in .env ("
                + profile.versionVariable() + "=1.2.3), then check again."));
        Function<String, Set<String>> lookup = registry(profile);
        ReleaseFeed feed = RegistryFeed.load(profile, releases, lookup);
        if (feed.unreachable().isPresent()) {
            throw SlipwayException.refused("The releases of " + profile.name() + " cannot be read (" + feed.unreachable().get()
                    + "), so Slipway cannot tell whether a newer one is out: check the network, then try again.");
        }
        AvailableVersions.Result available = new AvailableVersions(lookup).of(profile, feed);
        UpdateChoice choice = UpdateChoice.of(running, available.versions(), policy, clock.instant());
        List<BreakingChanges.Change> breaking = choice.newestAllowed()
                .map(to -> BreakingChanges.in(ReleaseNotes.between(feed.releases(), Optional.of(running), to.version())))
                .orElse(List.of());
        return new CheckResult(profile.name(), current, choice.newestAllowed(), choice.newestOverall(), breaking,
                profile.releases().isPresent() ? newestWithoutBreaking(feed, running, choice) : Optional.empty(),
                profile.releases().isPresent(), choice.newestAllowed().flatMap(to -> notesUrl(profile, to)), policy,
                choice.heldBack(), available.notices());
    }

    /** Walking up the allowed releases, the last one reached before the first breaking change. */
    private static Optional<Release> newestWithoutBreaking(ReleaseFeed feed, Version running, UpdateChoice choice) {
        Optional<Release> reached = Optional.empty();
        List<Release> allowed = choice.allowed(); // newest first
        for (int i = allowed.size() - 1; i >= 0; i--) {
            Release candidate = allowed.get(i);
            if (!BreakingChanges.in(ReleaseNotes.between(feed.releases(), Optional.of(running), candidate.version())).isEmpty()) break;
            reached = Optional.of(candidate);
        }
        return reached;
    }

    /**
     * The registry's tags, the main image's read once and up front: a registry that cannot be asked
     * stops the check here instead of becoming a notice.
     */
    private Function<String, Set<String>> registry(Profile profile) {
        if (profile.localImages()) return image -> Set.of();
        String main = profile.images().get(0);
        Set<String> mainTags = tagsOf.apply(main);
        return image -> image.equals(main) ? mainTags : tagsOf.apply(image);
    }

    /** The release's page, else the product's CHANGELOG when it is on the web. */
    private static Optional<String> notesUrl(Profile profile, Release release) {
        return release.htmlUrl().or(() -> profile.releases().flatMap(r -> r.changelog())
                .map(URI::toString).filter(u -> u.startsWith("https://") || u.startsWith("http://")));
    }
}
