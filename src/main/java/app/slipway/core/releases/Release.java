package app.slipway.core.releases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One published release of a product.
 *
 * @param tag the tag as the source wrote it ({@code v1.2.0})
 * @param version the parsed version of the tag
 * @param name the release title (the tag when the source has none)
 * @param body the notes as Markdown (empty when none)
 * @param prerelease marked as a prerelease by the source, or a semver prerelease
 * @param publishedAt when it was published, when known
 * @param htmlUrl the page of the release, when known
 */
public record Release(String tag, Version version, String name, String body, boolean prerelease,
        Optional<Instant> publishedAt, Optional<String> htmlUrl) {
    public Release {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(version, "version");
        name = name == null || name.isBlank() ? tag : name;
        body = body == null ? "" : body;
        publishedAt = publishedAt == null ? Optional.empty() : publishedAt;
        htmlUrl = htmlUrl == null ? Optional.empty() : htmlUrl;
    }

    /** The same release with other notes (used when a CHANGELOG section fills an empty body). */
    public Release withBody(String newBody) {
        return new Release(tag, version, name, newBody, prerelease, publishedAt, htmlUrl);
    }
}
