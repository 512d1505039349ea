package app.slipway.core.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code manifest.json} of a backup says (README §How an upgrade works step 4): which stack and versions it was
 * taken for, when, and every file with its size and sha256. It also records what each archive
 * holds, so a restore never depends on a profile that may have changed since.
 *
 * @param composeFile name of the compose file as it was in the install directory (and in the backup)
 * @param envFile     {@code .env} when the stack had one
 * @param files       every file of the backup except the manifest itself
 * @param drill       the last restore drill of the backup's dump, once one ran
 */
public record BackupManifest(String id, String product, String from, String to, Instant createdAt,
                             String composeFile, Optional<String> envFile, List<BackupFile> files,
                             Optional<DatabaseEntry> database, List<VolumeEntry> volumes,
                             List<DirectoryEntry> directories, Optional<DrillResult> drill) {
    public static final String FILE_NAME = "manifest.json";

    public BackupManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        envFile = envFile == null ? Optional.empty() : envFile;
        database = database == null ? Optional.empty() : database;
        files = List.copyOf(files);
        volumes = List.copyOf(volumes);
        directories = List.copyOf(directories);
        drill = drill == null ? Optional.empty() : drill;
    }

    /** A manifest that no drill has looked at yet: what a backup writes. */
    public BackupManifest(String id, String product, String from, String to, Instant createdAt,
                          String composeFile, Optional<String> envFile, List<BackupFile> files,
                          Optional<DatabaseEntry> database, List<VolumeEntry> volumes,
                          List<DirectoryEntry> directories) {
        this(id, product, from, to, createdAt, composeFile, envFile, files, database, volumes, directories,
                Optional.empty());
    }

    public BackupManifest withDrill(DrillResult result) {
        return new BackupManifest(id, product, from, to, createdAt, composeFile, envFile, files, database, volumes,
                directories, Optional.of(result));
    }

    public Optional<BackupFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Bytes of all files together. */
    public long totalSize() {
        return files.stream().mapToLong(BackupFile::size).sum();
    }
}
