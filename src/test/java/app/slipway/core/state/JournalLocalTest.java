package app.slipway.core.state;

import app.slipway.core.host.Target;

class JournalLocalTest extends JournalContract {
    @Override
    Target open() {
        return local();
    }
}
