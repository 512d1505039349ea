package app.slipway.core.compose;

import java.time.Duration;
import java.util.Optional;

/** One service as Compose resolves it: its image and what matters for verification. */
/**
 * @param oneShot meant to run once and exit 0 (a migration): its restart policy is explicitly
 *                "no", or another service waits for it with {@code service_completed_successfully}.
 *                Compose has no such notion itself; a service without a restart key is long-running.
 * @param stopGrace {@code stop_grace_period}: how long a stop waits for the container before killing it
 */
public record ServiceModel(String name, String image, boolean hasHealthcheck, Duration startPeriod,
                           String restart, boolean oneShot, Duration stopGrace) {
    /** Compose's own wait for a container to stop before it kills it, when the service sets none. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    public Optional<String> imageRef() {
        return Optional.ofNullable(image);
    }
}
