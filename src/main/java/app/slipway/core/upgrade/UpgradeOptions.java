package app.slipway.core.upgrade;

/**
 * The user's choices for one upgrade.
 *
 * @param breakLock take the stack's lock even if a (stale) run holds it
 * @param resume    finish an interrupted run recorded in the journal instead of refusing
 */
public record UpgradeOptions(String toVersion, boolean skipBackup, boolean breakLock, boolean resume) {
    public static UpgradeOptions planOnly(String toVersion, boolean skipBackup) {
        return new UpgradeOptions(toVersion, skipBackup, false, false);
    }
}
