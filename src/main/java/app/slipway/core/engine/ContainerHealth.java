package app.slipway.core.engine;

import java.util.Locale;

/** A container's healthcheck state; NONE when its image and compose file define no healthcheck. */
public enum ContainerHealth {
    HEALTHY,
    UNHEALTHY,
    STARTING,
    NONE;

    /** From the engine's {@code State.Health.Status} ("healthy", "unhealthy", "starting"; null or empty when none). */
    static ContainerHealth of(String engineStatus) {
        if (engineStatus == null || engineStatus.isEmpty() || engineStatus.equals("none")) {
            return NONE;
        }
        return valueOf(engineStatus.toUpperCase(Locale.ROOT));
    }
}
