package app.slipway.core.verify;

import java.time.Duration;

/** Waits between polls; a test substitutes one that only advances its fake clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
