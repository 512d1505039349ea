package app.slipway.core.profile;

import java.util.List;
import java.util.Optional;

/**
 * What to save before a change (README §Profiles {@code backup}); every part is optional.
 *
 * @param databases the database to dump, in each mode of the product (the first that applies is dumped)
 * @param volumes container paths to archive
 * @param directories host paths relative to the install directory, copied with the stack stopped
 *     (PGlite-style data directories); a directory that does not exist is simply not there to copy
 * @param verify {@code backup.verify}: every backup's dump is restored into a throwaway PostgreSQL
 *     container and its row counts compared (the restore drill) before the run goes on
 */
public record BackupSpec(List<PostgresDump> databases, List<VolumeArchive> volumes, List<String> directories,
                         boolean verify) {
    public static final BackupSpec NOTHING = new BackupSpec(List.of(), List.of(), List.of());

    public BackupSpec {
        databases = List.copyOf(databases);
        volumes = List.copyOf(volumes);
        directories = List.copyOf(directories);
    }

    public BackupSpec(List<PostgresDump> databases, List<VolumeArchive> volumes, List<String> directories) {
        this(databases, volumes, directories, false);
    }

    public BackupSpec(Optional<PostgresDump> postgres, List<VolumeArchive> volumes, List<String> directories) {
        this(postgres.stream().toList(), volumes, directories);
    }

    /** The database to dump: the first whose {@code when} holds (of a spec already chosen {@link #forStack}). */
    public Optional<PostgresDump> postgres() {
        return databases.stream().findFirst();
    }

    /** What to save of a stack in its mode: the first database that applies, the volumes that apply. */
    public BackupSpec forStack(java.util.Map<String, String> env, java.util.Collection<String> services) {
        return new BackupSpec(databases.stream().filter(d -> d.when().matches(env, services)).limit(1).toList(),
                volumes.stream().filter(v -> v.when().matches(env, services)).toList(), directories, verify);
    }

    public boolean isEmpty() {
        return databases.isEmpty() && volumes.isEmpty() && directories.isEmpty();
    }
}
