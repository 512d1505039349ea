package app.slipway.gui.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the wizard's long work runs: never on the FX thread. The application uses
 * {@link FxBackgroundExecutor}; view-model tests use {@link DirectExecutor}, which runs the work and
 * its callbacks on the calling thread so a test reads the outcome on the next line (JabRef's
 * TaskExecutor idea).
 */
public interface BackgroundExecutor {

    /**
     * Runs {@code work} in the background; then exactly one of the callbacks on the UI thread:
     * {@code onSuccess} with its value, or {@code onFailure} with what it threw.
     */
    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread: how background work reports progress to a view-model. */
    void onUiThread(Runnable action);
}
