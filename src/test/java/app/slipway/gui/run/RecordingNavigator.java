package app.slipway.gui.run;

import app.slipway.gui.shell.Navigator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A navigator that remembers where pages sent the wizard. */
final class RecordingNavigator implements Navigator {
    final List<Step> visited = new CopyOnWriteArrayList<>();

    @Override
    public void goTo(Step step) {
        visited.add(step);
    }

    Step last() {
        return visited.isEmpty() ? null : visited.get(visited.size() - 1);
    }
}
