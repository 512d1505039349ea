package app.slipway.gui.version;

import app.slipway.core.releases.Release;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the Version page's list.
 *
 * @param release the release as GitHub (or the CHANGELOG) published it
 * @param imageTag the tag the product's images carry for it in the registry: what gets pinned
 * @param latest the newest stable version offered
 * @param current the version the stack runs now (upgrade path only)
 * @param upgradable whether it may be chosen: newer than the current version, or any version on install
 */
public record VersionEntry(Release release, String imageTag, boolean latest, boolean current, boolean upgradable) {

    /** The tag as the release names it, e.g. {@code v2.1.0}. */
    public String tag() {
        return release.tag();
    }

    public Optional<Instant> published() {
        return release.publishedAt();
    }

    public boolean prerelease() {
        return release.prerelease();
    }
}
