package app.slipway.core.compose;

import java.time.Duration;
import java.util.Optional;

/** One service as Compose resolves it: its image and what matters for verification. */
/**
 * @param oneShot meant to run once and exit 0 (a migration): its restart policy is explicitly
 *                "no", or another service waits for it with {@code service_completed_successfully}.
 *                Compose has no such notion itself; a service without a restart key is long-running.
 */
public record ServiceModel(String name, String image, boolean hasHealthcheck, Duration startPeriod,
                           String restart, boolean oneShot) {

    public Optional<String> imageRef() {
        return Optional.ofNullable(image);
    }
}
