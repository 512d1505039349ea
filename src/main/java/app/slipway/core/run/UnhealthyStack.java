package app.slipway.core.run;

import java.util.List;
import java.util.Map;

/**
 * A step found the stack (or a service of it) unhealthy: carries what it found, in one phrase, and
 * the last log lines of the failing services, which the result shows.
 */
public final class UnhealthyStack extends RuntimeException {
    private final transient Map<String, List<String>> logs;

    public UnhealthyStack(String summary, Map<String, List<String>> logs) {
        super(summary);
        this.logs = Map.copyOf(logs);
    }

    public Map<String, List<String>> logs() {
        return logs;
    }
}
