package app.slipway.core.backup;

import java.util.Objects;

/**
 * One file of a backup as the manifest records it.
 *
 * @param name   file name inside the backup folder
 * @param size   bytes
 * @param sha256 lowercase hex digest
 */
public record BackupFile(String name, long size, String sha256) {
    public BackupFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
