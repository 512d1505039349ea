package app.slipway.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of work started on its own daemon thread now and joined later, so two independent
 * round trips to a target (a Compose process and an engine call) overlap instead of queueing.
 * Each Compose v1 command costs a Python start-up on the target: seconds on a busy server.
 */
public final class Background<T> {
    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    public static <T> Background<T> start(String name, Supplier<T> work) {
        var task = new FutureTask<T>(work::get);
        Thread thread = new Thread(task, "slipway-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /** The result; the work's own exception is rethrown as it was thrown, so callers see no wrapper. */
    public T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for work in the background");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the work to end, ignoring its outcome: before closing what it uses. */
    public void awaitQuietly() {
        try {
            join();
        } catch (RuntimeException | Error ignored) {
            // the caller is already failing for its own reason
        }
    }
}
