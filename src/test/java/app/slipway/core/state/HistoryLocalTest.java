package app.slipway.core.state;

import app.slipway.core.target.Target;

class HistoryLocalTest extends HistoryContract {
    @Override
    Target open() {
        return local();
    }
}
