package app.slipway.e2e;

import java.util.List;

class CheckLocalTest extends CheckContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
