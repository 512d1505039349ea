package app.slipway.core.upgrade;

import app.slipway.core.backup.RetentionChoice;
import java.util.Map;

/**
 * The user's choices for one upgrade.
 *
 * @param breakLock         take the stack's lock even if a (stale) run holds it
 * @param resume            finish an interrupted run recorded in the journal instead of refusing
 * @param sets              {@code --set KEY=VALUE}: values for keys the new version needs (never a secret already set)
 * @param rewritePinnedTags the user agrees that the product's images whose tag is written into the
 *                          compose file follow the version variable from now on
 * @param keepBackups       {@code --keep N}: the newest backups kept once this run's is taken
 */
public record UpgradeOptions(String toVersion, boolean skipBackup, boolean breakLock, boolean resume,
                             Map<String, String> sets, boolean rewritePinnedTags, int keepBackups) {
    public UpgradeOptions {
        sets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sets));
        RetentionChoice.requireValidKeep(keepBackups);
    }

    public UpgradeOptions(String toVersion, boolean skipBackup, boolean breakLock, boolean resume,
                          Map<String, String> sets, boolean rewritePinnedTags) {
        this(toVersion, skipBackup, breakLock, resume, sets, rewritePinnedTags, RetentionChoice.DEFAULT_KEEP);
    }

    public UpgradeOptions(String toVersion, boolean skipBackup, boolean breakLock, boolean resume) {
        this(toVersion, skipBackup, breakLock, resume, Map.of(), false);
    }

    public static UpgradeOptions planOnly(String toVersion, boolean skipBackup) {
        return new UpgradeOptions(toVersion, skipBackup, false, false);
    }
}
