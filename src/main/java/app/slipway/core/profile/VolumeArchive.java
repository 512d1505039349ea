package app.slipway.core.profile;

import java.util.Objects;

/**
 * A path inside a service's container that is archived before a change
 * (README §Profiles {@code backup.volumes}), e.g. Strata's {@code web:/rails/storage}.
 *
 * @param service compose service whose container holds the path
 * @param path absolute path inside that container
 * @param stopped archive it with the service stopped (a database's own files: a copy of a running
 *     database is not a backup)
 * @param when in which mode of the product the path exists
 */
public record VolumeArchive(String service, String path, boolean stopped, When when) {
    public VolumeArchive {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(when, "when");
    }

    public VolumeArchive(String service, String path) {
        this(service, path, false, When.ALWAYS);
    }
}
