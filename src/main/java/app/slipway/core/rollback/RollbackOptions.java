package app.slipway.core.rollback;

import java.util.Optional;

/**
 * The user's choices for a rollback.
 *
 * @param backupId        the backup to return to; empty: an interrupted run's snapshot, else the newest backup
 * @param restoreDatabase also put back the database dump, volume archives and directories (app stopped meanwhile)
 */
public record RollbackOptions(Optional<String> backupId, boolean restoreDatabase, boolean breakLock) {}
