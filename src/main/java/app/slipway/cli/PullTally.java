package app.slipway.cli;

import app.slipway.core.events.RunEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bytes pulled so far, per image, summed over its layers as the engine reports them. */
final class PullTally {
    private final Map<String, Map<String, long[]>> layers = new LinkedHashMap<>();

    /** Counts one report; true when it finishes a layer. Reports without a layer (the pull's own status) count nothing. */
    boolean add(RunEvent.PullProgress p) {
        if (p.layer() == null) return false;
        long[] bytes = layers.computeIfAbsent(p.image(), k -> new LinkedHashMap<>())
                .computeIfAbsent(p.layer(), k -> new long[2]);
        if (p.total() > 0) {
            bytes[0] = p.current();
            bytes[1] = p.total();
        }
        boolean layerDone = p.status() != null
                && (p.status().startsWith("Pull complete") || p.status().startsWith("Already exists"));
        if (layerDone && bytes[1] > 0) bytes[0] = bytes[1];
        return layerDone;
    }

    Iterable<String> images() {
        return layers.keySet();
    }

    long current(String image) {
        return of(image).values().stream().mapToLong(b -> b[0]).sum();
    }

    long total(String image) {
        return of(image).values().stream().mapToLong(b -> b[1]).sum();
    }

    int layers(String image) {
        return of(image).size();
    }

    long layersDone(String image) {
        return of(image).values().stream().filter(b -> b[1] > 0 && b[0] >= b[1]).count();
    }

    void clear() {
        layers.clear();
    }

    private Map<String, long[]> of(String image) {
        return layers.getOrDefault(image, Map.of());
    }
}
