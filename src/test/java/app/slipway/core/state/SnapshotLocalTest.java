package app.slipway.core.state;

import app.slipway.core.host.Target;

class SnapshotLocalTest extends SnapshotContract {
    @Override
    Target open() {
        return local();
    }
}
