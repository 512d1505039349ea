package app.slipway.core.install;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code install} was asked to do.
 *
 * @param to   the version to pin; null keeps the pin of an existing stack (a fresh install needs one)
 * @param sets {@code --set} values, in order
 */
public record InstallOptions(String to, Map<String, String> sets) {
    public InstallOptions {
        sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    }
}
