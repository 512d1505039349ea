package app.slipway.e2e;

import java.util.List;

class StackShapesLocalTest extends StackShapesContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "local");
    }
}
