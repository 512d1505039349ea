package app.slipway.core.backup;

import app.slipway.core.Connection;

/** The same backup and restore over one SSH session to the testbed's sshd, as root with the ed25519 key. */
class BackupSshTest extends BackupContract {
    @Override
    protected Connection connect() {
        return BackupTestbed.ssh();
    }
}
