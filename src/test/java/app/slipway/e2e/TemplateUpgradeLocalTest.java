package app.slipway.e2e;

import java.util.List;

class TemplateUpgradeLocalTest extends TemplateUpgradeContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
