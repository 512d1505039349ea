package app.slipway.core.verify;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of verifying a stack (README §How an upgrade works step 8).
 *
 * @param problems empty when healthy; otherwise what is wrong, service problems first
 * @param logs     service → its container's last log lines (secrets masked), for each failing
 *                 service, in the order of {@code problems}
 * @param took     how long the verification ran
 */
public record VerifyResult(boolean healthy, List<ServiceProblem> problems, Map<String, List<String>> logs,
                           Duration took) {

    public VerifyResult {
        problems = List.copyOf(problems);
        var copy = new LinkedHashMap<String, List<String>>();
        logs.forEach((service, lines) -> copy.put(service, List.copyOf(lines)));
        logs = Collections.unmodifiableMap(copy);
    }

    /** One sentence for the CLI and the wizard's result screen. */
    public String summary() {
        if (healthy) {
            return "The stack is healthy: its health URL answers and every service is up (verified in "
                    + seconds(took) + " s).";
        }
        return "Verification failed after " + seconds(took) + " s: "
                + problems.stream().map(ServiceProblem::problem).collect(Collectors.joining("; ")) + ".";
    }

    static long seconds(Duration d) {
        return (d.toMillis() + 500) / 1000;
    }
}
