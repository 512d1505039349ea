package app.slipway.core.run;

import app.slipway.core.engine.PullListener;

/** Turns docker-java's pull progress of one image into run events. */
final class PullEvents implements PullListener {
    private final String image;
    private final RunListener listener;

    PullEvents(String image, RunListener listener) {
        this.image = image;
        this.listener = listener;
    }

    @Override
    public void onLayer(String layerId, String status, long current, long total) {
        listener.on(new RunEvent.PullProgress(image, layerId, status, Math.max(current, 0), Math.max(total, 0)));
    }
}
