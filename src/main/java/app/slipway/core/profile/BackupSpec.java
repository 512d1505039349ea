package app.slipway.core.profile;

import java.util.List;
import java.util.Optional;

/**
 * What to save before a change (README §Profiles {@code backup}); every part is optional.
 *
 * @param postgres database to dump, if the product has one
 * @param volumes container paths to archive
 * @param directories host paths relative to the install directory, copied with the stack stopped
 *     (PGlite-style data directories); a directory that does not exist is simply not there to copy
 */
public record BackupSpec(Optional<PostgresDump> postgres, List<VolumeArchive> volumes, List<String> directories) {
    public static final BackupSpec NOTHING = new BackupSpec(Optional.empty(), List.of(), List.of());

    public BackupSpec {
        postgres = postgres == null ? Optional.empty() : postgres;
        volumes = List.copyOf(volumes);
        directories = List.copyOf(directories);
    }

    public boolean isEmpty() {
        return postgres.isEmpty() && volumes.isEmpty() && directories.isEmpty();
    }
}
