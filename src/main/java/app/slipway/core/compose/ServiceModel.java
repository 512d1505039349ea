package app.slipway.core.compose;

import java.time.Duration;
import java.util.Optional;

/** One service as Compose resolves it: its image and what matters for verification. */
public record ServiceModel(String name, String image, boolean hasHealthcheck, Duration startPeriod,
                           String restart) {

    /** A service that is meant to run once and exit (a migration), judged by its restart policy. */
    public boolean oneShot() {
        return restart == null || restart.isBlank() || restart.equals("no");
    }

    public Optional<String> imageRef() {
        return Optional.ofNullable(image);
    }
}
