package app.slipway.core.state;

/**
 * An image a service of the stack runs: the reference as the compose file names it
 * ({@code registry/app:1.0.0}) and the image ID it resolved to ({@code sha256:…}), so a rollback
 * can start the exact previous image even when the tag has moved since.
 *
 * @param repoDigest {@code repo@sha256:…} in its registry, where it was recorded (a backup's
 *                   {@code images.json}); null otherwise. With it, an image no longer on the target
 *                   is pulled back by digest.
 */
public record ImageInUse(String service, String imageRef, String imageId, String repoDigest) {
    public ImageInUse(String service, String imageRef, String imageId) {
        this(service, imageRef, imageId, null);
    }
}
