package app.slipway.core.state;

import app.slipway.core.host.Target;

class LockLocalTest extends LockContract {
    @Override
    Target open() {
        return local();
    }
}
