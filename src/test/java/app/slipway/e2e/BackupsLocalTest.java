package app.slipway.e2e;

import java.util.List;

class BackupsLocalTest extends BackupsContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
