package app.slipway.core.run;

import app.slipway.core.backup.Backup;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunListener;
import app.slipway.core.host.Target;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.Snapshot;
import app.slipway.core.state.StackLock;
import java.util.Optional;

/**
 * What a step's action reaches while it runs: the run's (masked) listener and cancellation, the
 * stack's lock (taken on request, released by the runner on every path), and what earlier steps
 * left for later ones: the backup and the snapshot.
 */
public final class RunContext implements AutoCloseable {
    private final Target host;
    private final Plan plan;
    private final RunListener listener;
    private final Cancellation cancellation;
    private StackLock lock;
    private Backup backup;
    private Snapshot snapshot;

    RunContext(Target host, Plan plan, RunListener listener, Cancellation cancellation) {
        this.host = host;
        this.plan = plan;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    public Target host() {
        return host;
    }

    public Plan plan() {
        return plan;
    }

    public RunListener listener() {
        return listener;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Takes {@code DIR/.slipway/lock} on the plan's terms; held until the run ends, whatever happens. */
    public void takeLock() {
        if (lock != null) return;
        lock = StackLock.acquire(host, plan.directory(), LockOwner.current(plan.lock().purpose()), plan.lock().breakLock());
    }

    public boolean holdsLock() {
        return lock != null;
    }

    public void backupTaken(Backup taken) {
        backup = taken;
    }

    public Optional<Backup> backup() {
        return Optional.ofNullable(backup);
    }

    public Optional<String> backupId() {
        return backup().map(Backup::id);
    }

    public void snapshotTaken(Snapshot taken) {
        snapshot = taken;
    }

    /** The snapshot the recovery restores; taken by the plan's checkpoint before the first change. */
    public Snapshot snapshot() {
        if (snapshot == null) throw new IllegalStateException("no snapshot was taken before the first change");
        return snapshot;
    }

    /** Releases the lock; the runner's try-with-resources calls this on every path. */
    @Override
    public void close() {
        if (lock != null) lock.release();
        lock = null;
    }
}
