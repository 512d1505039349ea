package app.slipway.gui.version;

import app.slipway.core.host.LocalTarget;
import app.slipway.core.profile.Profile;
import app.slipway.core.releases.AvailableVersions;
import app.slipway.core.releases.RegistryTags;
import app.slipway.core.releases.ReleaseCatalog;
import app.slipway.core.releases.RegistryFeed;
import app.slipway.core.releases.ReleaseFeed;
import app.slipway.core.registry.RegistryLogins;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads what the Version page lists, as {@code slipway versions} does: the product's releases, kept
 * to those whose images the registry has. Runs on a background thread (network).
 */
public final class VersionCatalog {

    /**
     * @param feed every release, for the notes (a release whose image is missing still has notes)
     * @param available the versions that may be offered, in display order, with their notices
     * @param tagsPerImage the registry's tags of each lockstep image; empty when the registry could not be read
     */
    public record Loaded(ReleaseFeed feed, AvailableVersions.Result available, Map<String, Set<String>> tagsPerImage) {
        public Loaded {
            tagsPerImage = Map.copyOf(tagsPerImage);
        }
    }

    /** The tags of an image repository, as a registry answers with these logins. */
    @FunctionalInterface
    private interface TagLookups {
        Function<String, Set<String>> with(RegistryLogins logins);
    }

    private final ReleaseCatalog releases;
    private final TagLookups tagLookups;

    /** @param tagLookup the tags of an image repository, whatever the logins */
    public VersionCatalog(ReleaseCatalog releases, Function<String, Set<String>> tagLookup) {
        this(releases, (TagLookups) logins -> tagLookup);
    }

    private VersionCatalog(ReleaseCatalog releases, TagLookups tagLookups) {
        this.releases = releases;
        this.tagLookups = tagLookups;
    }

    /** Live settings: GitHub, the real registry, and the cache directory of {@code CacheDir} (or {@code cacheRoot}). */
    public static VersionCatalog standard(Optional<Path> cacheRoot) {
        return new VersionCatalog(ReleaseCatalog.standard(cacheRoot), (TagLookups) logins -> RegistryTags.standard(logins)::tags);
    }

    /**
     * {@code slipway check} for the wizard: the newest release the stack's policy allows, with the
     * target's registry logins.
     */
    public app.slipway.core.check.CheckResult check(Profile profile, String current,
                                                    app.slipway.core.policy.UpdatePolicy policy, RegistryLogins logins) {
        return new app.slipway.core.check.UpdateCheck(releases, tagLookups.with(logins), java.time.Clock.systemUTC())
                .check(profile, current, policy);
    }

    /** Asks the registry with this computer's user's logins. */
    public Loaded load(Profile profile) {
        return load(profile, RegistryLogins.of(new LocalTarget()));
    }

    /**
     * @param logins the registry logins to ask with: the connected target's, which its pulls use too
     * @throws app.slipway.core.SlipwayException when the profile has no releases or they cannot be read
     */
    public Loaded load(Profile profile, RegistryLogins logins) {
        Function<String, Set<String>> tagLookup = tagLookups.with(logins);
        ReleaseFeed feed = RegistryFeed.load(profile, releases, tagLookup::apply);
        // Remember what the registry answered, to pin the spelling the images really carry.
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        AvailableVersions.Result available = new AvailableVersions(image -> {
            Set<String> tags = tagLookup.apply(image);
            seen.put(image, tags);
            return tags;
        }).of(profile, feed);
        boolean registryRead = !seen.isEmpty();
        return new Loaded(feed, available, registryRead ? seen : Map.of());
    }
}
