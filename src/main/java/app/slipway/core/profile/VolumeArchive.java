package app.slipway.core.profile;

import java.util.Objects;

/**
 * A path inside a service's container that is archived before a change
 * (README §Profiles {@code backup.volumes}), e.g. Strata's {@code web:/rails/storage}.
 *
 * @param service compose service whose container holds the path
 * @param path absolute path inside that container
 */
public record VolumeArchive(String service, String path) {
    public VolumeArchive {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
    }
}
