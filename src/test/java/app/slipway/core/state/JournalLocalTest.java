package app.slipway.core.state;

import app.slipway.core.target.Target;

class JournalLocalTest extends JournalContract {
    @Override
    Target open() {
        return local();
    }
}
