package app.slipway.gui.run;

import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.gui.background.BackgroundExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The bridge from a run's thread to the UI thread. Events wait here and the UI thread takes them
 * in batches, with at most one hand-over queued at a time. Pull progress (hundreds of messages a
 * second for a big image) is folded per image right here, on the run's thread, and handed over at
 * most every {@link #PULL_EVERY_NANOS}: the FX thread never drowns in it. Step boundaries, log
 * lines and notices are handed over at once, in order. What a throttled pull left waiting goes with
 * the next event, the page's ticker ({@link #drain()}) or the final {@link #close()}.
 */
final class RunInbox implements RunListener {
    static final long PULL_EVERY_NANOS = 100_000_000L;

    /** What the UI thread receives: the events in order, then the latest state of each image pulled since. */
    record Batch(List<RunEvent> events, List<PullTally.ImagePull> pulls) {}

    private final BackgroundExecutor executor;
    private final Consumer<Batch> apply;
    private final LongSupplier nanoClock;
    private final Map<String, PullTally> tallies = new LinkedHashMap<>();
    private final Set<String> pulledSinceDrain = new LinkedHashSet<>();
    private List<RunEvent> events = new ArrayList<>();
    private boolean drainQueued;
    private long lastQueued;
    private boolean closed;

    /** @param apply called on the UI thread with each batch */
    RunInbox(BackgroundExecutor executor, Consumer<Batch> apply, LongSupplier nanoClock) {
        this.executor = executor;
        this.apply = apply;
        this.nanoClock = nanoClock;
        this.lastQueued = nanoClock.getAsLong() - PULL_EVERY_NANOS;
    }

    /** On the run's thread. */
    @Override
    public void on(RunEvent event) {
        boolean queue;
        synchronized (this) {
            if (closed) return;
            long now = nanoClock.getAsLong();
            if (event instanceof RunEvent.PullProgress p) {
                tallies.computeIfAbsent(p.image(), PullTally::new).accept(p.layer(), p.status(), p.current(), p.total());
                pulledSinceDrain.add(p.image());
                queue = !drainQueued && now - lastQueued >= PULL_EVERY_NANOS;
            } else {
                events.add(event);
                queue = !drainQueued;
            }
            if (queue) {
                drainQueued = true;
                lastQueued = now;
            }
        }
        if (queue) executor.onUiThread(this::drain);
    }

    /** On the UI thread: hands over what came since the last time. */
    void drain() {
        Batch batch;
        synchronized (this) {
            drainQueued = false;
            if (events.isEmpty() && pulledSinceDrain.isEmpty()) return;
            batch = new Batch(events, pulledSinceDrain.stream().map(i -> tallies.get(i).snapshot()).toList());
            events = new ArrayList<>();
            pulledSinceDrain.clear();
        }
        apply.accept(batch);
    }

    /** On the UI thread, when the run has ended: the last hand-over; later events are dropped. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        drain();
    }
}
