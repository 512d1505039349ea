package app.slipway.core.notify;

import app.slipway.core.ExitCode;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sample notifications for the channel tests. */
final class Notifications {
    private Notifications() {}

    static Notification updateAvailable(boolean breaking) {
        return new Notification(Notification.CHECK, Notification.UPDATE_AVAILABLE, "Fixture", "ssh://deploy@10.0.0.5:22",
                "/srv/fixture", Optional.of("2.0.0"), Optional.of("v2.1.0"), Optional.of(breaking), Optional.empty(),
                Optional.of("https://github.com/acme/app/releases/tag/v2.1.0"), Optional.empty());
    }

    static Notification rolledBack() {
        var run = new RunResult(RunKind.UPGRADE, "2.0.0", "3.0.0", ExitCode.ROLLED_BACK,
                "The upgrade to 3.0.0 failed (web is unhealthy) and was rolled back; 2.0.0 is serving.",
                "20261201T101500Z-2.0.0-to-3.0.0", Optional.empty(), List.of(), Map.of(), Duration.ofSeconds(42));
        return Notification.ofRun(run, "Fixture", "local", "/srv/fixture", Optional.of(true),
                Optional.of("https://github.com/acme/app/releases/tag/v3.0.0"));
    }
}
