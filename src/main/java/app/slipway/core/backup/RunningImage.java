package app.slipway.core.backup;

import app.slipway.core.profile.ImageRef;
import java.util.Optional;

/**
 * The image one running container used when the backup was taken: enough for a rollback to start
 * the previous version by digest even when its tag has since moved.
 *
 * @param image      the reference the container was created from, e.g. {@code repo:1.4.1}
 * @param imageId    the image it ran, {@code sha256:…}
 * @param repoDigest {@code repo@sha256:…} in its registry; empty for an image never pushed or pulled
 */
public record RunningImage(String service, String container, String image, String imageId,
                           Optional<String> repoDigest) {
    public RunningImage {
        repoDigest = repoDigest == null ? Optional.empty() : repoDigest;
    }

    /**
     * {@code repo:tag@sha256:…}: the tag the service was started with and the content it really ran,
     * in one reference a rollback can pull. Empty without a digest of the image's own repository.
     */
    public Optional<String> pin() {
        Optional<ImageRef> ref = ImageRef.tryParse(image);
        return repoDigest.flatMap(ImageRef::tryParse).filter(d -> ref.isPresent() && d.sameRepository(ref.get()))
                .flatMap(ImageRef::digest)
                .map(digest -> ref.get().digest().isPresent() ? image
                        : image + (ref.get().tag().isPresent() ? "" : ":latest") + "@" + digest);
    }
}
