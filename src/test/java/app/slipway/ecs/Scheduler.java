package app.slipway.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The deployment machine, one {@link #tick()} every few hundred ms under the state's lock. Replaces tasks like
 * minimumHealthyPercent 0 / maximumPercent 100 (host networking: two tasks of a service would clash on the port):
 * old deployments' tasks stop, then the PRIMARY's start; failed tasks count towards the circuit breaker.
 * Runner calls (docker run, stop, probes, log polls) run on a pool, never under the lock.
 */
final class Scheduler implements AutoCloseable {
    private static final long POLL_MS = 500;
    private final EcsState state;
    private final TaskRunner runner;
    private final LogStore logs;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ecs-ticker"));
    private final ExecutorService work = Executors.newCachedThreadPool(r -> daemon(r, "ecs-task"));

    Scheduler(EcsState state, TaskRunner runner, LogStore logs, long tickMs) {
        this.state = state;
        this.runner = runner;
        this.logs = logs;
        ticker.scheduleWithFixedDelay(this::tickQuietly, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            e.printStackTrace(); // keep ticking: one bad step must not freeze every deployment
        }
    }

    void tick() {
        synchronized (state) {
            state.services().forEach(this::step);
        }
    }

    private void step(ServiceState s) {
        DeploymentState primary = s.primary();
        for (TaskState t : List.copyOf(s.tasks)) {
            if (!t.alive() || t.busy) continue;
            if (t.deployment != primary && t.desiredStatus.equals("RUNNING")) {
                stop(t, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + primary.id + ")", false);
            } else if (t.running()) {
                watch(s, t);
            }
        }
        boolean othersAlive = s.tasks.stream().anyMatch(t -> t.alive() && t.deployment != primary);
        if (!othersAlive && !primary.rolloutState.equals("FAILED")) {
            long wanted = s.desiredCount - s.tasks.stream()
                    .filter(t -> t.alive() && t.deployment == primary).count(); // a stopping task still holds the port
            for (long i = 0; i < wanted; i++) launch(s, primary);
        }
        long healthy = s.tasks.stream().filter(t -> t.deployment == primary && t.running() && t.healthy).count();
        if (primary.rolloutState.equals("IN_PROGRESS") && !othersAlive && healthy >= s.desiredCount) {
            s.deployments.retainAll(List.of(primary));
            primary.roll("COMPLETED", "ECS deployment " + primary.id + " completed.");
            s.lastCompleted = primary;
            s.event("has reached a steady state.");
        }
        s.tasks.removeIf(t -> !t.alive() && t.stoppedAt != null && t.stoppedAt < Arns.now() - 3600); // as ECS: ~1 h
    }

    /** A RUNNING task: health check within the grace period, and (every POLL_MS) exit and log collection. */
    private void watch(ServiceState s, TaskState t) {
        long now = System.currentTimeMillis();
        if (!t.healthy) {
            TaskState.Container target = t.target();
            if (s.healthPath == null || target == null) {
                healthy(t);
            } else if (now > (long) (t.startedAt * 1000) + s.healthGrace.toMillis()) {
                stop(t, "ServiceSchedulerInitiated", "Task failed ELB health checks in (target-group " + s.targetGroupArn + ")", true);
            } else {
                t.busy = true;
                work.execute(() -> {
                    TaskRunner.Answer answer = runner.get(target.runtimeId, target.spec, s.healthPath);
                    synchronized (state) {
                        t.busy = false;
                        if (answer.status() >= 200 && answer.status() < 300 && t.running()) healthy(t);
                    }
                });
            }
            return;
        }
        if (now - t.lastPolledMs < POLL_MS) return;
        t.lastPolledMs = now;
        t.busy = true;
        work.execute(() -> {
            List<Integer> exits = new ArrayList<>();
            for (TaskState.Container c : t.containers) {
                exits.add(collect(t, c));
            }
            synchronized (state) {
                t.busy = false;
                for (int i = 0; i < exits.size(); i++) {
                    if (exits.get(i) != null && t.running()) {
                        t.containers.get(i).exitCode = exits.get(i);
                        t.containers.get(i).reason = null;
                        stop(t, "EssentialContainerExited", "Essential container in task exited", true);
                    }
                }
            }
        });
    }

    /** Copies the container's new log lines into its awslogs stream; returns its exit code (null: running). */
    private Integer collect(TaskState t, TaskState.Container c) {
        if (c.runtimeId == null) return null;
        try {
            String stream = c.spec.logStream(t.id);
            if (stream != null) logs.sync(c.spec.logGroup(), stream, runner.logs(c.runtimeId));
            return runner.exitCode(c.runtimeId);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void healthy(TaskState t) {
        t.healthy = true;
        t.deployment.healthyOnce = true;
        t.deployment.failedTasks = 0;
    }

    private void launch(ServiceState s, DeploymentState d) {
        TaskState t = new TaskState(s, d, state.taskDefinitions.require(d.taskDefinition));
        s.tasks.add(t);
        s.event("has started 1 tasks: (task " + t.id + ").");
        t.lastStatus = "PENDING";
        t.busy = true;
        work.execute(() -> {
            String failure = null;
            List<String> ids = new ArrayList<>();
            for (TaskState.Container c : t.containers) {
                try {
                    ids.add(runner.start(t.id, c.spec));
                } catch (TaskRunner.StartFailure e) {
                    failure = e.getMessage();
                    ids.forEach(runner::remove);
                    break;
                }
            }
            synchronized (state) {
                t.busy = false;
                t.version++;
                if (failure == null) {
                    for (int i = 0; i < ids.size(); i++) {
                        TaskState.Container c = t.containers.get(i);
                        c.runtimeId = ids.get(i);
                        c.lastStatus = "RUNNING";
                        String stream = c.spec.logStream(t.id);
                        if (stream != null) logs.createStream(c.spec.logGroup(), stream);
                    }
                    t.lastStatus = "RUNNING";
                    t.startedAt = Arns.now();
                } else {
                    for (TaskState.Container c : t.containers) {
                        c.lastStatus = "STOPPED";
                        c.reason = failure;
                    }
                    t.desiredStatus = "STOPPED";
                    t.lastStatus = "STOPPED";
                    t.stopCode = "TaskFailedToStart";
                    t.stoppedReason = failure;
                    t.stoppingAt = t.stoppedAt = Arns.now();
                    failed(s, t.deployment);
                }
            }
        });
    }

    /** Stops a task: containers stopped, logs collected one last time, containers removed (off the lock), STOPPED. */
    private void stop(TaskState t, String code, String reason, boolean failure) {
        t.desiredStatus = "STOPPED";
        t.lastStatus = "DEACTIVATING";
        t.stopCode = code;
        t.stoppedReason = reason;
        t.stoppingAt = Arns.now();
        t.version++;
        t.busy = true;
        if (failure) failed(t.service, t.deployment);
        work.execute(() -> {
            List<Integer> exits = new ArrayList<>();
            for (TaskState.Container c : t.containers) {
                if (c.runtimeId != null) runner.stop(c.runtimeId);
                Integer exit = collect(t, c); // after the stop: its last lines too
                if (c.runtimeId != null) runner.remove(c.runtimeId);
                exits.add(exit == null ? 137 : exit);
            }
            synchronized (state) {
                t.busy = false;
                for (int i = 0; i < exits.size(); i++) {
                    TaskState.Container c = t.containers.get(i);
                    c.lastStatus = "STOPPED";
                    if (c.exitCode == null) c.exitCode = exits.get(i);
                }
                t.lastStatus = "STOPPED";
                t.stoppedAt = Arns.now();
                t.version++;
            }
        });
    }

    /** A task of {@code d} failed: counts until one was healthy; the circuit breaker trips at its threshold. */
    private void failed(ServiceState s, DeploymentState d) {
        if (!d.rolloutState.equals("IN_PROGRESS") || d.healthyOnce) return;
        d.failedTasks++;
        d.updatedAt = Arns.now();
        int threshold = Math.max(3, Math.min(200, (int) Math.ceil(0.5 * s.desiredCount)));
        if (!s.breakerEnabled || !s.controller.equals("ECS") || d.failedTasks < threshold) return;
        d.roll("FAILED", "ECS deployment circuit breaker: tasks failed to start.");
        s.event("(deployment " + d.id + ") deployment failed: tasks failed to start.");
        s.event("failed circuit breaker: tasks failed to start.");
        DeploymentState back = s.lastCompleted;
        if (s.rollback && back != null && d == s.primary()) {
            s.deploy(back.taskDefinition, "ECS deployment circuit breaker: rolling back to deploymentId " + back.id + ".");
            s.event("(deployment " + d.id + ") rolling back to deployment " + back.id + ".");
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        work.shutdown();
        try {
            work.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
