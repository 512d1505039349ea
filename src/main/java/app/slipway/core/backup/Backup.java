package app.slipway.core.backup;

/**
 * One backup folder on the target.
 *
 * @param id   the folder's name, e.g. {@code 20250301T101500Z-1.4.1-to-1.4.2}
 * @param path the folder's absolute path on the target ({@code DIR/backups/ID})
 */
public record Backup(String id, String path, BackupManifest manifest) {
    /** Absolute path on the target of a file of this backup. */
    public String pathOf(String fileName) {
        return path + "/" + fileName;
    }
}
