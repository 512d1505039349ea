package app.slipway.core.verify;

import static app.slipway.core.engine.ContainerHealth.HEALTHY;
import static app.slipway.core.engine.ContainerHealth.NONE;
import static app.slipway.core.engine.ContainerHealth.STARTING;
import static app.slipway.core.engine.ContainerHealth.UNHEALTHY;
import static app.slipway.core.verify.Fixtures.T0;
import static app.slipway.core.verify.Fixtures.URL;
import static app.slipway.core.verify.Fixtures.exited;
import static app.slipway.core.verify.Fixtures.model;
import static app.slipway.core.verify.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.compose.ComposeModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The polling loop on a fake clock: cadence, budget, fail-fast, notices, logs. */
class StackVerifierLoopTest {

    /** A clock that only moves when the verifier sleeps (or a probe "takes" time). */
    private static final class FakeClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        long elapsedSeconds() {
            return Duration.between(T0, now).toSeconds();
        }
    }

    /** The stack as seen at each elapsed second. */
    private static final class FakeView implements StackView {
        final FakeClock clock;
        final Function<Long, List<ServiceContainer>> containers;
        final Function<Long, ProbeResult> probe;
        final Duration probeTakes;
        final List<Long> polls = new ArrayList<>();

        FakeView(FakeClock clock, Function<Long, List<ServiceContainer>> containers, Function<Long, ProbeResult> probe,
                 Duration probeTakes) {
            this.clock = clock;
            this.containers = containers;
            this.probe = probe;
            this.probeTakes = probeTakes;
        }

        @Override
        public List<ServiceContainer> containers() {
            polls.add(clock.elapsedSeconds());
            return containers.apply(clock.elapsedSeconds());
        }

        @Override
        public ProbeResult probe() {
            ProbeResult r = probe.apply(clock.elapsedSeconds());
            clock.now = clock.now.plus(probeTakes);
            return r;
        }

        @Override
        public List<String> logTail(String containerId, int lines) {
            assertEquals(StackVerifier.LOG_LINES, lines);
            return List.of(containerId + " booting", "secret is 0123456789abcdef", containerId + " giving up");
        }
    }

    private final FakeClock clock = new FakeClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final StackVerifier verifier = new StackVerifier(clock, d -> {
        sleeps.add(d);
        clock.now = clock.now.plus(d);
    });
    private final List<String> notices = new ArrayList<>();
    private final SecretRedactor redactor = new SecretRedactor(Map.of("APP_SECRET", "0123456789abcdef"), Set.of());

    private VerifyResult run(ComposeModel model, Duration budget, FakeView view) {
        return verifier.verify(view, model, URL, budget, redactor,
                e -> notices.add(((RunEvent.Notice) e).message()));
    }

    private static List<ServiceContainer> stack(ServiceContainer web) {
        return List.of(running("db", HEALTHY), exited("migrate", 0), web, running("job", NONE));
    }

    @Test
    void pollsFourTimesASecondAtFirstThenEverySecondUntilHealthy() {
        var view = new FakeView(clock,
                s -> stack(running("web", s < 7 ? STARTING : HEALTHY)),
                s -> ProbeResult.answered(s < 5 ? 502 : 200), Duration.ofMillis(100));
        VerifyResult result = run(model("5s"), Duration.ofSeconds(60), view);
        assertTrue(result.healthy(), result.summary());
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 3L, 3L, 3L, 3L, 4L, 4L, 4L, 4L, 5L, 6L, 7L),
                view.polls);
        assertEquals(java.util.Collections.nCopies(20, Duration.ofMillis(150)), sleeps.subList(0, 20), sleeps.toString());
        assertTrue(sleeps.subList(20, sleeps.size()).stream().allMatch(d -> d.equals(Duration.ofMillis(900))),
                sleeps.toString());
        assertEquals(Duration.ofMillis(7100), result.took());
        assertTrue(result.logs().isEmpty());
        assertEquals("The stack is healthy: its health URL answers and every service is up (verified in 7 s).",
                result.summary());
    }

    @Test
    void failsFastWithoutSpendingTheBudget() {
        var view = new FakeView(clock,
                s -> List.of(running("db", HEALTHY), s < 3 ? running("migrate", NONE) : exited("migrate", 1)),
                s -> ProbeResult.noAnswer("connection refused"), Duration.ZERO);
        VerifyResult result = run(model("5s"), Duration.ofSeconds(180), view);
        assertFalse(result.healthy());
        assertEquals(3, clock.elapsedSeconds());
        assertEquals(new ServiceProblem("migrate", "migrate exited with code 1"), result.problems().get(0));
        assertEquals(List.of("id-migrate booting", "secret is ********", "id-migrate giving up"), result.logs().get("migrate"));
        assertTrue(result.summary().startsWith("Verification failed after 3 s: migrate exited with code 1; "),
                result.summary());
    }

    @Test
    void waitsTheWholeBudgetAndNoLongerThenNamesWhatIsNotGood() {
        var view = new FakeView(clock, s -> stack(running("web", STARTING)), s -> ProbeResult.answered(404),
                Duration.ofMillis(300));
        VerifyResult result = run(model("5s"), Duration.ofSeconds(20), view);
        assertFalse(result.healthy());
        assertTrue(clock.elapsedSeconds() >= 20 && clock.elapsedSeconds() <= 21, "took " + clock.now);
        assertEquals(List.of("web is starting (its healthcheck has not passed yet)", "/up answered 404 for 20 s"),
                result.problems().stream().map(ServiceProblem::problem).toList());
        assertEquals(Set.of("web"), result.logs().keySet());
    }

    @Test
    void theBudgetFromTheProfileNeverCutsTheStartPeriodShort() {
        // a 5 s profile timeout, a 40 s start_period: an unhealthy-looking web is waited for, then fails
        ComposeModel model = model("40s");
        Duration budget = VerifyBudget.of(Duration.ofSeconds(5), model);
        var view = new FakeView(clock, s -> stack(running("web", s < 30 ? STARTING : UNHEALTHY)),
                s -> ProbeResult.answered(404), Duration.ZERO);
        VerifyResult result = run(model, budget, view);
        assertEquals(40, clock.elapsedSeconds(), "unhealthy counts only once the start_period is over");
        assertEquals("web is unhealthy", result.problems().get(0).problem());
    }

    @Test
    void noticesAreSparse() {
        var view = new FakeView(clock, s -> stack(running("web", s < 12 ? STARTING : HEALTHY)),
                s -> ProbeResult.answered(s < 12 ? 404 : 200), Duration.ZERO);
        assertTrue(run(model("5s"), Duration.ofSeconds(60), view).healthy());
        assertEquals(3, notices.size(), notices.toString()); // the start, then after 5 s and 10 s
        assertTrue(notices.get(0).contains("http://127.0.0.1:18080/up") && notices.get(0).contains("60 s"), notices.get(0));
        assertEquals("Waiting (5 s of 60 s): web is starting (its healthcheck has not passed yet); /up answers 404…",
                notices.get(1));
    }

    @Test
    void aSlowProbeDoesNotAddASecondOnTop() {
        var view = new FakeView(clock, s -> stack(running("web", STARTING)), s -> ProbeResult.noAnswer("no answer within 5 s"),
                Duration.ofSeconds(5));
        VerifyResult result = run(model("5s"), Duration.ofSeconds(12), view);
        assertEquals(List.of(0L, 5L, 10L), view.polls);
        assertTrue(sleeps.isEmpty(), sleeps.toString());
        assertTrue(result.problems().get(1).problem().endsWith("did not answer for 10 s (no answer within 5 s)"),
                result.problems().toString());
    }
}
