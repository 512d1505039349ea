package app.slipway.core.backup;

import app.slipway.core.Connection;

/** Backup and restore on this machine's Docker Engine. */
class BackupLocalTest extends BackupContract {
    @Override
    protected Connection connect() {
        return BackupTestbed.local();
    }
}
