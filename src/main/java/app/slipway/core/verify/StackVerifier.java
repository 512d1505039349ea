package app.slipway.core.verify;

import app.slipway.core.Connection;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.stack.StackState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Step 8 of an upgrade (README §How an upgrade works), also run after an install and a rollback: polls the stack every
 * second until it is healthy, fails, or the budget is spent. Containers are read afresh each poll
 * (they change under {@code up -d}), and judged against the model of the compose file that is in
 * force now — after an upgrade that is the new one, so it is passed in rather than taken from the
 * state read before the change.
 */
public final class StackVerifier {
    /**
     * Four polls a second at first — a new version that is up at once is seen at once, not up to a
     * second later — then one a second (over SSH each poll is two channels).
     */
    public static final Duration FIRST_POLLS = Duration.ofMillis(250);
    public static final Duration FAST_FOR = Duration.ofSeconds(5);
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Progress notices no more often than this: the CLI prints each one. */
    public static final Duration NOTICE_INTERVAL = Duration.ofSeconds(5);
    public static final int LOG_LINES = 30;

    private final Clock clock;
    private final Sleeper sleeper;

    public StackVerifier() {
        this(Clock.systemUTC(), Sleeper.REAL);
    }

    public StackVerifier(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Verifies a stack as read by the inspector: its own model, profile and .env. */
    public VerifyResult verify(Connection connection, StackState stack, RunListener listener) {
        return verify(connection, stack.project(), stack.model(), stack.profile(), stack.files().env().values(), listener);
    }

    /**
     * @param project the Compose project whose containers are judged
     * @param model   the model of the compose file in force now (after an upgrade: the new one)
     * @param env     the stack's .env values now: they fill in the health URL and are masked in logs
     * @throws app.slipway.core.SlipwayException bad input when the health URL is invalid or https
     * @throws CancellationException when the thread is interrupted
     */
    public VerifyResult verify(Connection connection, String project, ComposeModel model, Profile profile,
                               Map<String, String> env, RunListener listener) {
        URI url = profile.health().url(env);
        HealthProbe.requireSupported(url);
        HealthProbe probe = new HealthProbe(connection.target());
        StackView view = new StackView() {
            @Override
            public List<ServiceContainer> containers() {
                return connection.engine().containersOf(project);
            }

            @Override
            public ProbeResult probe() {
                return probe.get(url);
            }

            @Override
            public List<String> logTail(String containerId, int lines) {
                return connection.engine().logTail(containerId, lines);
            }
        };
        Set<String> secretKeys = profile.install().map(InstallSpec::secrets).map(Map::keySet).orElse(Set.of());
        return verify(view, model, url, VerifyBudget.of(profile.health().timeout(), model),
                new SecretRedactor(env, secretKeys), listener);
    }

    VerifyResult verify(StackView view, ComposeModel model, URI url, Duration budget, SecretRedactor redactor,
                        RunListener listener) {
        Instant start = clock.instant();
        Instant deadline = start.plus(budget);
        Judge judge = new Judge(model, url, start, budget);
        listener.on(new RunEvent.Notice("Checking that " + url + " answers and all " + model.services().size()
                + " services are up (for up to " + VerifyResult.seconds(budget) + " s)."));
        Instant lastNotice = start;
        while (true) {
            Instant pollStart = clock.instant();
            List<ServiceContainer> containers = view.containers();
            ProbeResult answer = view.probe();
            Instant now = clock.instant();
            Verdict verdict = judge.judge(containers, answer, now);
            if (verdict.done()) {
                return result(verdict, view, redactor, Duration.between(start, now));
            }
            if (!now.isBefore(lastNotice.plus(NOTICE_INTERVAL))) {
                listener.on(new RunEvent.Notice("Waiting (" + VerifyResult.seconds(Duration.between(start, now))
                        + " s of " + VerifyResult.seconds(budget) + " s): " + String.join("; ", verdict.waitingFor()) + "…"));
                lastNotice = now;
            }
            // the poll's pace; the last one lands on the deadline so the budget is used whole
            Duration interval = Duration.between(start, pollStart).compareTo(FAST_FOR) < 0 ? FIRST_POLLS : POLL_INTERVAL;
            Duration pause = interval.minus(Duration.between(pollStart, now));
            Duration left = Duration.between(now, deadline);
            pause = pause.compareTo(left) > 0 ? left : pause;
            if (!pause.isNegative() && !pause.isZero()) {
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while verifying the stack");
                }
            }
        }
    }

    private static VerifyResult result(Verdict verdict, StackView view, SecretRedactor redactor, Duration took) {
        var logs = new LinkedHashMap<String, List<String>>();
        verdict.logContainers().forEach((service, containerId) -> logs.put(service, logsOf(view, containerId, redactor)));
        return new VerifyResult(verdict.kind() == Verdict.Kind.HEALTHY, verdict.problems(), logs, took);
    }

    private static List<String> logsOf(StackView view, String containerId, SecretRedactor redactor) {
        try {
            return view.logTail(containerId, LOG_LINES).stream().map(redactor::redact).toList();
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            // the container may be gone already; the verdict stands without its logs
            return List.of("(its logs cannot be read: " + e.getMessage() + ")");
        }
    }
}
