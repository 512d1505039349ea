package app.slipway.core.events;

import app.slipway.core.engine.PullListener;

/** Turns docker-java's pull progress of one image into run events; stops the pull when the run is cancelled. */
public final class PullEvents implements PullListener {
    private final String image;
    private final RunListener listener;
    private final Cancellation cancellation;

    public PullEvents(String image, RunListener listener, Cancellation cancellation) {
        this.image = image;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    @Override
    public boolean stopRequested() {
        return cancellation.isRequested();
    }

    @Override
    public void onLayer(String layerId, String status, long current, long total) {
        listener.on(new RunEvent.PullProgress(image, layerId, status, Math.max(current, 0), Math.max(total, 0)));
    }
}
