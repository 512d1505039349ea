package app.slipway.gui.connect;

import app.slipway.gui.shell.Navigator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A navigator that only remembers where it was told to go. */
final class RecordingNavigator implements Navigator {
    final List<Step> steps = new CopyOnWriteArrayList<>();

    @Override
    public void goTo(Step step) {
        steps.add(step);
    }
}
