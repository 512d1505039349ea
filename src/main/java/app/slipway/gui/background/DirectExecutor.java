package app.slipway.gui.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks on the calling thread: for view-model tests, which then need no FX thread. */
public final class DirectExecutor implements BackgroundExecutor {
    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
