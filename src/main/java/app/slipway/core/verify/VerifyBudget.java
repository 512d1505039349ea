package app.slipway.core.verify;

import app.slipway.core.compose.ComposeModel;
import java.time.Duration;

/**
 * How long verification may wait for the stack to become healthy: the profile's health timeout,
 * but never shorter than the longest healthcheck {@code start_period} — today's installers give up
 * while the app is still allowed to be starting (README §What it is traps).
 */
public final class VerifyBudget {
    /**
     * Added to the start_period: a check that first passes at the end of it is only reported one
     * healthcheck interval later.
     */
    public static final Duration AFTER_START_PERIOD = Duration.ofSeconds(10);

    private VerifyBudget() {}

    public static Duration of(Duration profileTimeout, ComposeModel model) {
        Duration longest = model.longestStartPeriod();
        Duration floor = longest.isZero() ? Duration.ZERO : longest.plus(AFTER_START_PERIOD);
        return profileTimeout.compareTo(floor) >= 0 ? profileTimeout : floor;
    }
}
