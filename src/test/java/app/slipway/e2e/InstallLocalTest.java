package app.slipway.e2e;

import java.util.List;

class InstallLocalTest extends InstallContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
