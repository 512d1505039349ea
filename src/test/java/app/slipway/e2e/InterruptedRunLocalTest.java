package app.slipway.e2e;

import java.util.List;

class InterruptedRunLocalTest extends InterruptedRunContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
