package app.slipway.core.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeModelTest {
    // Shaped like docker-compose 1.29 `config` output.
    private static final String CONFIG = """
            services:
              db:
                healthcheck:
                  test: ["CMD", "pg_isready"]
                  interval: 1s
                image: 127.0.0.1:5555/slipway-fixture/postgres:15
                network_mode: host
                restart: unless-stopped
              migrate:
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
                restart: "no"
              web:
                healthcheck:
                  test: wget -q -O- http://127.0.0.1:18080/up
                  start_period: 1m30s
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
                restart: always
              worker:
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
              seed:
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
              api:
                depends_on:
                  seed:
                    condition: service_completed_successfully
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
              job:
                healthcheck:
                  test: ["NONE"]
                image: 127.0.0.1:5555/slipway-fixture/app:2.0.0
                restart: always
            volumes:
              dbdata: {}
            """;

    @Test
    void readsServicesImagesAndHealthchecks() {
        ComposeModel model = ComposeModel.parse(CONFIG);
        assertEquals(List.of("db", "migrate", "web", "worker", "seed", "api", "job"), model.serviceNames());
        ServiceModel web = model.services().get("web");
        assertEquals("127.0.0.1:5555/slipway-fixture/app:2.0.0", web.image());
        assertTrue(web.hasHealthcheck());
        assertEquals(Duration.ofSeconds(90), web.startPeriod());
        assertFalse(model.services().get("job").hasHealthcheck(), "test: NONE disables the healthcheck");
        assertTrue(model.services().get("migrate").oneShot());
        assertFalse(model.services().get("db").oneShot());
        assertFalse(model.services().get("worker").oneShot(), "no restart key is a long-running service");
        assertTrue(model.services().get("seed").oneShot(), "awaited with service_completed_successfully");
        assertFalse(model.services().get("api").oneShot());
        assertEquals(Duration.ofSeconds(90), model.longestStartPeriod());
    }

    @Test
    void durationsInComposeSyntax() {
        Map.of("5s", 5_000L, "1m30s", 90_000L, "500ms", 500L, "1h", 3_600_000L, "2m", 120_000L, "1.5s", 1_500L)
                .forEach((text, millis) -> assertEquals(Duration.ofMillis(millis), ComposeModel.durationOf(text), text));
        assertEquals(Duration.ZERO, ComposeModel.durationOf(null));
    }

    @Test
    void projectNameFollowsCompose() {
        assertEquals("mystrata", ProjectName.of("My Strata!", Map.of()));
        assertEquals("strata-prod_1", ProjectName.of("strata-prod_1", Map.of()));
        assertEquals("custom", ProjectName.of("whatever", Map.of("COMPOSE_PROJECT_NAME", "Custom")));
    }
}
