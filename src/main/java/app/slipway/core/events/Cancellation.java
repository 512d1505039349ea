package app.slipway.core.events;

import app.slipway.core.SlipwayException;

/**
 * A request to stop a run, honoured only while nothing has changed yet (README §The wizard: cancel before the
 * first change). The run calls {@link #checkpoint()} between its steps and while pulling; once it
 * begins changing the stack it calls {@link #close()}, and a later request is refused.
 */
public final class Cancellation {
    private boolean requested;
    private boolean closed;

    /** For runs nobody can cancel (the CLI: Ctrl-C there is the journal's business). */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks the run to stop; false when it is too late (the stack is already changing). */
    public synchronized boolean request() {
        if (closed) return false;
        requested = true;
        return true;
    }

    public synchronized boolean isRequested() {
        return requested;
    }

    /** True while a request would still be honoured. */
    public synchronized boolean isPossible() {
        return !closed;
    }

    /** Throws, as a refusal before any change, when cancelling was asked for. */
    public synchronized void checkpoint() {
        if (requested && !closed) {
            throw SlipwayException.refused("Cancelled before any change: the stack was not touched.");
        }
    }

    /** The run is about to make its first change: from now on it finishes or rolls back. */
    public synchronized void close() {
        checkpoint();
        closed = true;
    }
}
