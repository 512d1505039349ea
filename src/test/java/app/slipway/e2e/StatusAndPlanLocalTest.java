package app.slipway.e2e;

import java.util.List;

class StatusAndPlanLocalTest extends StatusAndPlanContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
