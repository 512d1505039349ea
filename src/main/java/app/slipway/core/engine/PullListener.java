package app.slipway.core.engine;

/** Receives the progress of one image pull, on the thread that reads the engine's stream. */
@FunctionalInterface
public interface PullListener {
    PullListener IGNORE = (layerId, status, current, total) -> {};

    /**
     * One progress message for one layer. {@code status} is the engine's wording ("Pulling fs layer",
     * "Waiting", "Downloading", "Download complete", "Extracting", "Pull complete", "Already exists");
     * {@code current}/{@code total} are bytes, -1 when the message carries none.
     */
    void onLayer(String layerId, String status, long current, long total);

    /**
     * Bytes downloaded so far across the image's layers, out of the sizes known so far (a layer's
     * size becomes known when its download starts, so {@code total} can grow). Called after each
     * layer message.
     */
    default void onImage(String image, long current, long total) {}

    /**
     * Asked after each message: true stops the pull quietly (the engine keeps what it has). The
     * caller then decides what a stopped pull means; {@link Engine#pull} just returns.
     */
    default boolean stopRequested() {
        return false;
    }
}
