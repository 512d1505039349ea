package app.slipway.core.engine;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the engine's pull messages into per-layer events and a per-image byte count. The engine
 * reports each layer's download as {@code Downloading} with current/total bytes; later phases
 * (extracting) reuse the same fields for other work, so only download bytes count toward the image.
 */
final class PullProgress {
    private final String image;
    private final PullListener listener;
    /** Per layer: {downloaded bytes, size}; size 0 until its download starts. */
    private final Map<String, long[]> layers = new LinkedHashMap<>();

    PullProgress(String image, PullListener listener) {
        this.image = image;
        this.listener = listener;
    }

    void accept(PullResponseItem item) {
        String id = item.getId();
        String status = item.getStatus();
        // "Pulling from <repo>" carries the tag as its id; it is about the image, not a layer.
        if (id == null || status == null || status.startsWith("Pulling from")) {
            return;
        }
        ResponseItem.ProgressDetail detail = item.getProgressDetail();
        long current = detail != null && detail.getCurrent() != null ? detail.getCurrent() : -1;
        long total = detail != null && detail.getTotal() != null ? detail.getTotal() : -1;
        long[] layer = layers.computeIfAbsent(id, k -> new long[2]);
        switch (status) {
            case "Downloading" -> {
                if (total > 0) {
                    layer[1] = total;
                }
                layer[0] = Math.max(layer[0], current);
            }
            case "Download complete", "Verifying Checksum", "Extracting", "Pull complete" -> layer[0] = layer[1];
            default -> { }
        }
        listener.onLayer(id, status, current, total);
        long imageCurrent = 0;
        long imageTotal = 0;
        for (long[] l : layers.values()) {
            imageCurrent += l[0];
            imageTotal += l[1];
        }
        listener.onImage(image, imageCurrent, imageTotal);
    }
}
