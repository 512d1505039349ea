package app.slipway.core.releases;

import app.slipway.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Versions for a product that publishes no release feed (Strata): the tags of its main image that
 * read as versions ({@code latest}, {@code sha-…} and the like are not versions), without notes.
 */
public final class RegistryFeed {
    private RegistryFeed() {}

    public static ReleaseFeed of(Profile profile, Function<String, Set<String>> tagsOf) {
        var releases = new ArrayList<Release>();
        for (String tag : tagsOf.apply(profile.images().get(0))) {
            Version.tryParse(tag).ifPresent(v -> releases.add(new Release(tag, v, tag, "",
                    v.isPrerelease(), Optional.empty(), Optional.empty())));
        }
        return new ReleaseFeed(List.copyOf(releases), Optional.of(profile.name() + " publishes no release notes: the"
                + " versions come from its image registry's tags."));
    }

    /** The product's release feed when its profile names one, else its registry's tags. */
    public static ReleaseFeed load(Profile profile, ReleaseCatalog releases, Function<String, Set<String>> tagsOf) {
        return profile.releases().isPresent() ? releases.load(profile.requireReleases()) : of(profile, tagsOf);
    }
}
