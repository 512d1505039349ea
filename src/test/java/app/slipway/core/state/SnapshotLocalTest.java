package app.slipway.core.state;

import app.slipway.core.target.Target;

class SnapshotLocalTest extends SnapshotContract {
    @Override
    Target open() {
        return local();
    }
}
