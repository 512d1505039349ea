package app.slipway.core.verify;

import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ServiceModel;
import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.ServiceContainer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of verification, free of I/O: given what one poll saw (the project's containers and
 * the health URL's answer) and when, is the stack healthy, still coming up, or failed? Keeps the
 * little memory the rules need across polls (restarts, how long the URL has been failing), so one
 * Judge serves one verification.
 *
 * <p>Healthy needs everything at once: the URL answers 2xx, every long-running service has a running
 * container (healthy where it has a healthcheck), every one-shot service exited 0. Failed at once
 * when waiting cannot help: a one-shot exited non-zero, a long-running service's container exited or
 * died, a container restarts for {@link RestartWatch#STABLE}, or is unhealthy after its start_period.
 * Otherwise failed when the budget is spent.
 */
final class Judge {
    private final ComposeModel model;
    private final URI healthUrl;
    private final Instant start;
    private final Duration budget;
    private final RestartWatch restarts = new RestartWatch();
    private Instant urlFailingSince;

    Judge(ComposeModel model, URI healthUrl, Instant start, Duration budget) {
        this.model = model;
        this.healthUrl = healthUrl;
        this.start = start;
        this.budget = budget;
    }

    private enum State { UP, WAITING, FAILED }

    /** One service's state on this poll; {@code text} says what is wrong or awaited, in plain words. */
    private record ServiceState(String service, State state, String text, String containerId) {}

    Verdict judge(List<ServiceContainer> containers, ProbeResult probe, Instant now) {
        restarts.observe(containers, now);
        Duration elapsed = Duration.between(start, now);
        var states = new ArrayList<ServiceState>();
        for (ServiceModel service : model.services().values()) {
            List<ServiceContainer> own = containers.stream()
                    .filter(c -> c.service().equals(service.name()) && !c.oneOff() && !c.state().equals("removing"))
                    .toList();
            states.add(withRestarts(service.oneShot() ? oneShot(service, own) : longRunning(service, own, elapsed), now));
        }
        urlFailingSince = probe.healthy() ? null : urlFailingSince == null ? now : urlFailingSince;

        List<ServiceState> failed = states.stream().filter(s -> s.state() == State.FAILED).toList();
        List<ServiceState> waiting = states.stream().filter(s -> s.state() == State.WAITING).toList();
        if (!failed.isEmpty()) {
            return failure(failed, states, probe, now);
        }
        if (waiting.isEmpty() && probe.healthy()) {
            return new Verdict(Verdict.Kind.HEALTHY, List.of(), List.of(), Map.of());
        }
        if (elapsed.compareTo(budget) >= 0) {
            return failure(waiting, states, probe, now);
        }
        var awaited = new ArrayList<String>();
        waiting.forEach(s -> awaited.add(s.text()));
        if (!probe.healthy()) awaited.add(urlWaiting(probe));
        return new Verdict(Verdict.Kind.WAITING, List.of(), awaited, Map.of());
    }

    private ServiceState longRunning(ServiceModel service, List<ServiceContainer> own, Duration elapsed) {
        String name = service.name();
        if (own.isEmpty()) {
            return new ServiceState(name, State.WAITING, name + " is not running (it has no container)", null);
        }
        List<ServiceContainer> running = own.stream().filter(ServiceContainer::isRunning).toList();
        if (running.isEmpty()) {
            ServiceContainer c = latest(own);
            return switch (c.state()) {
                case "exited" -> new ServiceState(name, State.FAILED,
                        name + " is not running (it exited with code " + c.exitCode() + ")", c.id());
                case "dead" -> new ServiceState(name, State.FAILED, name + " is not running (its container is dead)", c.id());
                case "restarting" -> new ServiceState(name, State.WAITING, name + " is restarting", c.id());
                case "created" -> new ServiceState(name, State.WAITING, name + " has not started yet", c.id());
                default -> new ServiceState(name, State.WAITING, name + " is " + c.state(), c.id());
            };
        }
        // the container's own health is the truth: an image may bring a healthcheck the compose file lacks
        for (ServiceContainer c : running) {
            if (c.health() == ContainerHealth.UNHEALTHY && elapsed.compareTo(service.startPeriod()) >= 0) {
                return new ServiceState(name, State.FAILED, name + " is unhealthy", c.id());
            }
        }
        for (ServiceContainer c : running) {
            if (c.health() == ContainerHealth.STARTING || c.health() == ContainerHealth.UNHEALTHY) {
                return new ServiceState(name, State.WAITING, name + " is starting (its healthcheck has not passed yet)", c.id());
            }
        }
        return new ServiceState(name, State.UP, name + " is up", running.get(0).id());
    }

    private ServiceState oneShot(ServiceModel service, List<ServiceContainer> own) {
        String name = service.name();
        if (own.isEmpty()) {
            return new ServiceState(name, State.WAITING, name + " has not run (it has no container)", null);
        }
        ServiceContainer c = latest(own); // compose keeps one container per service; an older one is history
        return switch (c.state()) {
            case "exited", "dead" -> c.exitCode() == 0
                    ? new ServiceState(name, State.UP, name + " completed", c.id())
                    : new ServiceState(name, State.FAILED, name + " exited with code " + c.exitCode(), c.id());
            case "running" -> new ServiceState(name, State.WAITING, name + " is still running", c.id());
            case "created" -> new ServiceState(name, State.WAITING, name + " has not started yet", c.id());
            case "restarting" -> new ServiceState(name, State.WAITING,
                    name + " is restarting after exiting with code " + c.exitCode(), c.id());
            default -> new ServiceState(name, State.WAITING, name + " is " + c.state(), c.id());
        };
    }

    /** A crash loop fails the service; a recent restart keeps an otherwise good service waiting. */
    private ServiceState withRestarts(ServiceState s, Instant now) {
        if (s.state() == State.FAILED) return s;
        if (restarts.keepsRestarting(s.service(), now)) {
            return new ServiceState(s.service(), State.FAILED, s.service() + " keeps restarting", s.containerId());
        }
        if (s.state() == State.UP && restarts.restartedRecently(s.service())) {
            return new ServiceState(s.service(), State.WAITING,
                    s.service() + " restarted; waiting to see it stay up", s.containerId());
        }
        return s;
    }

    private Verdict failure(List<ServiceState> culprits, List<ServiceState> all, ProbeResult probe, Instant now) {
        var problems = new ArrayList<ServiceProblem>();
        var logs = new LinkedHashMap<String, String>();
        for (ServiceState s : culprits) {
            problems.add(new ServiceProblem(s.service(), s.text()));
            if (s.containerId() != null) logs.put(s.service(), s.containerId());
        }
        if (!probe.healthy()) {
            long failingFor = VerifyResult.seconds(Duration.between(urlFailingSince, now));
            problems.add(ServiceProblem.healthUrl(probe.answered()
                    ? pathOf(healthUrl) + " answered " + probe.status() + " for " + failingFor + " s"
                    : healthUrl + " did not answer for " + failingFor + " s (" + probe.problem() + ")"));
            if (logs.isEmpty()) {
                // every container looks fine yet the app does not answer: its logs say why, whichever it is
                all.stream().filter(s -> s.containerId() != null).forEach(s -> logs.put(s.service(), s.containerId()));
            }
        }
        return new Verdict(Verdict.Kind.FAILED, problems, List.of(), logs);
    }

    private String urlWaiting(ProbeResult probe) {
        return probe.answered()
                ? pathOf(healthUrl) + " answers " + probe.status()
                : healthUrl + " does not answer (" + probe.problem() + ")";
    }

    private static String pathOf(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static ServiceContainer latest(List<ServiceContainer> containers) {
        return containers.stream()
                .max(Comparator.comparing(ServiceContainer::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow();
    }
}
