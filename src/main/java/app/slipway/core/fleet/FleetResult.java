package app.slipway.core.fleet;

import app.slipway.core.ExitCode;
import app.slipway.core.run.RunResult;
import java.util.Map;

/** How a fleet run ended: one exit code and sentence for the fleet, and each node's own result. */
public record FleetResult(ExitCode exitCode, String message, Map<String, RunResult> nodes) {
    public FleetResult {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    }
}
