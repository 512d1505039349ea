package app.slipway.core.verify;

import app.slipway.core.compose.ComposeModel;
import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.ServiceContainer;
import java.net.URI;
import java.time.Instant;

/** Fake inputs for the decision tests: a fixture-like model and containers made up on the spot. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    static final URI URL = URI.create("http://127.0.0.1:18080/up");

    private Fixtures() {}

    /** As {@code compose config} prints the fixture: db and web with healthchecks, one-shot migrate, job. */
    static ComposeModel model(String webStartPeriod) {
        return ComposeModel.parse("""
                services:
                  db:
                    image: pg:15
                    restart: unless-stopped
                    healthcheck: {test: [CMD, pg_isready], start_period: 5s}
                  migrate:
                    image: app:2.0.0
                    restart: "no"
                  web:
                    image: app:2.0.0
                    restart: unless-stopped
                    healthcheck: {test: [CMD, wget, /up], start_period: %s}
                  job:
                    image: app:2.0.0
                    restart: unless-stopped
                """.formatted(webStartPeriod));
    }

    static ServiceContainer running(String service, ContainerHealth health) {
        return container(service, "running", health, 0, T0);
    }

    static ServiceContainer exited(String service, int code) {
        return container(service, "exited", ContainerHealth.NONE, code, T0);
    }

    static ServiceContainer container(String service, String state, ContainerHealth health, int exitCode, Instant startedAt) {
        return new ServiceContainer("id-" + service, "fixture_" + service + "_1", service, state, health,
                "app:2.0.0", "sha256:abc", exitCode, false, startedAt);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
