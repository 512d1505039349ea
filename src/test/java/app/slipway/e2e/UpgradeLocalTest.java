package app.slipway.e2e;

import java.util.List;

class UpgradeLocalTest extends UpgradeContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
