package app.slipway.e2e;

import java.util.List;

class StrataShapeLocalTest extends StrataShapeContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
