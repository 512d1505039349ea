package app.slipway.core.verify;

import static app.slipway.core.engine.ContainerHealth.HEALTHY;
import static app.slipway.core.engine.ContainerHealth.NONE;
import static app.slipway.core.engine.ContainerHealth.STARTING;
import static app.slipway.core.engine.ContainerHealth.UNHEALTHY;
import static app.slipway.core.verify.Fixtures.T0;
import static app.slipway.core.verify.Fixtures.URL;
import static app.slipway.core.verify.Fixtures.at;
import static app.slipway.core.verify.Fixtures.container;
import static app.slipway.core.verify.Fixtures.exited;
import static app.slipway.core.verify.Fixtures.model;
import static app.slipway.core.verify.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.engine.ServiceContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polling decisions, on made-up containers and answers: no engine, no clock, no network. */
class JudgeTest {
    private static final ProbeResult OK = ProbeResult.answered(200);
    private static final ProbeResult NOT_FOUND = ProbeResult.answered(404);

    private final Judge judge = new Judge(model("30s"), URL, T0, Duration.ofSeconds(60));

    private static List<ServiceContainer> allGood() {
        return List.of(running("db", HEALTHY), exited("migrate", 0), running("web", HEALTHY), running("job", NONE));
    }

    private static List<ServiceContainer> with(ServiceContainer replacement) {
        var list = new ArrayList<ServiceContainer>();
        for (ServiceContainer c : allGood()) list.add(c.service().equals(replacement.service()) ? replacement : c);
        return list;
    }

    private static String problems(Verdict v) {
        return v.problems().stream().map(ServiceProblem::problem).toList().toString();
    }

    @Test
    void healthyWhenUrlAndEveryServiceAreGood() {
        Verdict v = judge.judge(allGood(), OK, at(1));
        assertEquals(Verdict.Kind.HEALTHY, v.kind());
        assertTrue(v.problems().isEmpty());
    }

    @Test
    void waitsThroughTheStartPeriodEvenWhenTheContainerAlreadyLooksUnhealthy() {
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(running("web", STARTING)), NOT_FOUND, at(1)).kind());
        Verdict early = judge.judge(with(running("web", UNHEALTHY)), NOT_FOUND, at(20)); // start_period is 30 s
        assertEquals(Verdict.Kind.WAITING, early.kind());
        assertTrue(early.waitingFor().contains("web is starting (its healthcheck has not passed yet)"), early.toString());
        assertTrue(early.waitingFor().contains("/up answers 404"), early.toString());
        assertEquals(Verdict.Kind.HEALTHY, judge.judge(allGood(), OK, at(29)).kind());
    }

    @Test
    void unhealthyAfterTheStartPeriodFailsAtOnce() {
        Verdict v = judge.judge(with(running("web", UNHEALTHY)), NOT_FOUND, at(31));
        assertEquals(Verdict.Kind.FAILED, v.kind());
        assertEquals(new ServiceProblem("web", "web is unhealthy"), v.problems().get(0));
        assertEquals(ServiceProblem.healthUrl("/up answered 404 for 0 s"), v.problems().get(1));
        assertEquals("id-web", v.logContainers().get("web"));
        assertEquals(1, v.logContainers().size(), "only the failing service's logs");
    }

    @Test
    void aOneShotThatExitedNonZeroFailsAtOnceWithoutWaitingForTheBudget() {
        Verdict v = judge.judge(List.of(running("db", HEALTHY), exited("migrate", 1), running("job", NONE)),
                ProbeResult.noAnswer("connection refused"), at(2));
        assertEquals(Verdict.Kind.FAILED, v.kind());
        assertEquals(new ServiceProblem("migrate", "migrate exited with code 1"), v.problems().get(0));
        assertTrue(problems(v).contains("http://127.0.0.1:18080/up did not answer for 0 s (connection refused)"), problems(v));
        assertEquals(List.of("migrate"), List.copyOf(v.logContainers().keySet()));
    }

    @Test
    void aOneShotStillRunningIsAwaitedAndOneThatExitedZeroIsFine() {
        Verdict v = judge.judge(with(running("migrate", NONE)), OK, at(1));
        assertEquals(Verdict.Kind.WAITING, v.kind());
        assertEquals(List.of("migrate is still running"), v.waitingFor());
        assertEquals(Verdict.Kind.HEALTHY, judge.judge(allGood(), OK, at(2)).kind());
    }

    @Test
    void successNeedsEveryServiceNotOnlyWeb() {
        // web healthy and the URL answering is not enough
        List<ServiceContainer> noJob = allGood().stream().filter(c -> !c.service().equals("job")).toList();
        Verdict missing = judge.judge(noJob, OK, at(1));
        assertEquals(Verdict.Kind.WAITING, missing.kind());
        assertEquals(List.of("job is not running (it has no container)"), missing.waitingFor());
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(running("db", STARTING)), OK, at(2)).kind());
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(container("migrate", "created", NONE, 0, null)), OK, at(3)).kind());
        // and every service good is not enough without the URL
        assertEquals(Verdict.Kind.WAITING, judge.judge(allGood(), NOT_FOUND, at(4)).kind());
    }

    @Test
    void aStoppedLongRunningServiceFailsAtOnce() {
        Verdict v = judge.judge(with(exited("job", 137)), OK, at(1));
        assertEquals(Verdict.Kind.FAILED, v.kind());
        assertEquals(List.of(new ServiceProblem("job", "job is not running (it exited with code 137)")), v.problems());
        Verdict dead = new Judge(model("5s"), URL, T0, Duration.ofSeconds(60))
                .judge(with(container("job", "dead", NONE, 0, T0)), OK, at(1));
        assertEquals("job is not running (its container is dead)", dead.problems().get(0).problem());
    }

    @Test
    void aContainerRestartingForTenSecondsFails() {
        ServiceContainer restarting = container("job", "restarting", NONE, 1, T0);
        for (int s = 0; s < 10; s++) {
            assertEquals(Verdict.Kind.WAITING, judge.judge(with(restarting), OK, at(s)).kind(), "at " + s + " s");
        }
        Verdict v = judge.judge(with(restarting), OK, at(10));
        assertEquals(Verdict.Kind.FAILED, v.kind());
        assertEquals(new ServiceProblem("job", "job keeps restarting"), v.problems().get(0));
    }

    @Test
    void aCrashLoopCaughtInBriefRunningMomentsIsNeverHealthy() {
        judge.judge(with(running("job", NONE)), NOT_FOUND, at(0));
        // the start time moves between polls: the container restarted though it shows "running" each time
        for (int s = 1; s <= 10; s++) {
            Verdict v = judge.judge(with(container("job", "running", NONE, 0, at(s))), OK, at(s));
            assertEquals(Verdict.Kind.WAITING, v.kind(), "at " + s + " s");
        }
        Verdict v = judge.judge(with(container("job", "running", NONE, 0, at(11))), OK, at(11));
        assertEquals(List.of(new ServiceProblem("job", "job keeps restarting")), v.problems());
    }

    @Test
    void oneRestartThatStaysUpBecomesHealthyOnceStable() {
        judge.judge(allGood(), NOT_FOUND, at(0));
        ServiceContainer again = container("job", "running", NONE, 0, at(1));
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(again), OK, at(1)).kind());
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(again), OK, at(9)).kind());
        assertEquals(Verdict.Kind.HEALTHY, judge.judge(with(again), OK, at(11)).kind());
    }

    @Test
    void whenTheBudgetIsSpentEverythingNotGoodIsAProblem() {
        judge.judge(with(running("web", STARTING)), NOT_FOUND, at(0));
        assertEquals(Verdict.Kind.WAITING, judge.judge(with(running("web", STARTING)), NOT_FOUND, at(59)).kind());
        Verdict v = judge.judge(with(running("web", STARTING)), NOT_FOUND, at(60));
        assertEquals(Verdict.Kind.FAILED, v.kind());
        assertEquals(List.of(new ServiceProblem("web", "web is starting (its healthcheck has not passed yet)"),
                ServiceProblem.healthUrl("/up answered 404 for 60 s")), v.problems());
    }

    @Test
    void aUrlFailingWithEveryContainerFineShowsEveryServicesLogs() {
        judge.judge(allGood(), ProbeResult.noAnswer("connection refused"), at(0));
        Verdict v = judge.judge(allGood(), ProbeResult.noAnswer("connection refused"), at(60));
        assertEquals(List.of(ServiceProblem.healthUrl("http://127.0.0.1:18080/up did not answer for 60 s (connection refused)")),
                v.problems());
        assertEquals(List.of("db", "migrate", "web", "job"), List.copyOf(v.logContainers().keySet()));
    }

    @Test
    void noHealthcheckMeansRunningIsEnoughAndOneOffContainersAreIgnored() {
        var list = new ArrayList<>(allGood());
        // a leftover `compose run job` container that failed is not the service
        list.add(new ServiceContainer("run-1", "fixture_job_run_1", "job", "exited", NONE, "app", "sha", 2, true, T0));
        assertEquals(Verdict.Kind.HEALTHY, judge.judge(list, OK, at(1)).kind());
    }
}
