package app.slipway.gui.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layers of one image being pulled, folded from the engine's per-layer messages into bytes
 * downloaded out of bytes known. Only download bytes count: the engine reuses current/total for
 * extracting, which is other work. A layer is finished at "Pull complete" or "Already exists".
 * Not thread-safe: its owner serialises the calls.
 */
final class PullTally {
    private static final class Layer {
        long downloaded;
        long size;
        boolean finished;
    }

    private final String image;
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    PullTally(String image) {
        this.image = image;
    }

    void accept(String layerId, String status, long current, long total) {
        if (layerId == null || status == null) return;
        Layer layer = layers.computeIfAbsent(layerId, k -> new Layer());
        if (status.startsWith("Downloading")) {
            if (total > 0) layer.size = total;
            layer.downloaded = Math.max(layer.downloaded, layer.size > 0 ? Math.min(current, layer.size) : current);
        } else if (status.startsWith("Download complete") || status.startsWith("Verifying Checksum")
                || status.startsWith("Extracting")) {
            layer.downloaded = layer.size;
        } else if (status.startsWith("Pull complete") || status.startsWith("Already exists")) {
            layer.downloaded = layer.size;
            layer.finished = true;
        }
        // "Pulling fs layer", "Waiting", "Retrying in …": nothing moved yet
    }

    ImagePull snapshot() {
        long current = 0;
        long total = 0;
        int finished = 0;
        for (Layer l : layers.values()) {
            current += l.downloaded;
            total += l.size;
            if (l.finished) finished++;
        }
        return new ImagePull(image, current, total, layers.size(), finished);
    }

    /**
     * One image's pull at a moment: bytes downloaded of the sizes known so far (a layer's size is
     * known once its download starts, so {@code total} grows), and layers finished of those seen.
     */
    record ImagePull(String image, long current, long total, int layers, int finishedLayers) {
        boolean finished() {
            return layers > 0 && finishedLayers == layers;
        }

        /** 0..1, or -1 (indeterminate, as ProgressBar takes it) while no size is known. */
        double fraction() {
            if (finished()) return 1;
            if (total <= 0) return -1;
            return Math.min(1, (double) current / total);
        }
    }
}
