package app.slipway.core.ecs;

import app.slipway.core.verify.Sleeper;
import java.time.Duration;

/**
 * How an ECS run waits: how often it asks AWS about a deployment, and how long it lets one run
 * before calling it failed (the circuit breaker may be off, or never trip).
 */
public record EcsTiming(Duration pollEvery, Duration deadline, Sleeper sleeper) {
    /** ECS deployments take minutes (draining, health-check grace); a poll every 5 s is still gentle on the API. */
    public static final Duration POLL = Duration.ofSeconds(5);
    public static final Duration DEADLINE = Duration.ofMinutes(20);

    public static EcsTiming standard(Duration deadline) {
        return new EcsTiming(POLL, deadline, Sleeper.REAL);
    }
}
