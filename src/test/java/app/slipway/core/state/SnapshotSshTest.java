package app.slipway.core.state;

import app.slipway.core.host.Target;

/** Over SSH to the testbed's sshd, as root. */
class SnapshotSshTest extends SnapshotContract {
    @Override
    Target open() {
        return ssh();
    }
}
