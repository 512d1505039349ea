package app.slipway.core.state;

import app.slipway.core.host.Target;

/** Over SSH to the testbed's sshd, as root. */
class HistorySshTest extends HistoryContract {
    @Override
    Target open() {
        return ssh();
    }
}
