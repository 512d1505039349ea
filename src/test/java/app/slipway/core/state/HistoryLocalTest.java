package app.slipway.core.state;

import app.slipway.core.host.Target;

class HistoryLocalTest extends HistoryContract {
    @Override
    Target open() {
        return local();
    }
}
