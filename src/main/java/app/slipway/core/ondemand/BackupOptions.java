package app.slipway.core.ondemand;

import app.slipway.core.backup.RetentionChoice;

/**
 * The user's choices for one {@code slipway backup}.
 *
 * @param keep      {@code --keep N}: the newest backups kept, the new one included
 * @param breakLock take the stack's lock even if a (stale) run holds it
 */
public record BackupOptions(int keep, boolean breakLock) {
    public BackupOptions {
        RetentionChoice.requireValidKeep(keep);
    }

    public static BackupOptions defaults() {
        return new BackupOptions(RetentionChoice.DEFAULT_KEEP, false);
    }
}
