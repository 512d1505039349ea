package app.slipway.core.events;

/** Receives a run's events, in order, on the run's own thread. */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);

    RunListener IGNORE = event -> {};
}
