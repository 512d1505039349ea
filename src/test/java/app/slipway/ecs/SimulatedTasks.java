package app.slipway.ecs;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers that only pretend: they "run" at once and answer HTTP with their image tag. Images (or tags) listed
 * as crashing fail to start; unhealthy ones run but answer 404, so a health check fails.
 */
final class SimulatedTasks implements TaskRunner {
    private static final SecureRandom RANDOM = new SecureRandom();
    final Set<String> crashing = ConcurrentHashMap.newKeySet();
    final Set<String> unhealthy = ConcurrentHashMap.newKeySet();
    private final Map<String, ContainerSpec> running = new ConcurrentHashMap<>();
    private final Map<String, List<LogLine>> logs = new ConcurrentHashMap<>();
    private final Map<String, Integer> exited = new ConcurrentHashMap<>();

    private static boolean listed(Set<String> images, ContainerSpec c) {
        return images.contains(c.image()) || images.contains(c.tag());
    }

    @Override
    public String start(String taskId, ContainerSpec c) throws StartFailure {
        if (listed(crashing, c)) {
            String program = c.command().isEmpty() ? "/bin/sh" : c.command().get(0);
            throw new StartFailure("CannotStartContainerError: Error response from daemon: failed to create shim task: "
                    + "OCI runtime create failed: runc create failed: unable to start container process: exec: \""
                    + program + "\": stat " + program + ": no such file or directory: unknown");
        }
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String runtimeId = HexFormat.of().formatHex(id);
        running.put(runtimeId, c);
        logs.put(runtimeId, List.of(new LogLine(System.currentTimeMillis(), c.name() + " " + c.tag() + " started")));
        return runtimeId;
    }

    @Override
    public Integer exitCode(String runtimeId) {
        return running.containsKey(runtimeId) ? null : exited.getOrDefault(runtimeId, 137);
    }

    @Override
    public List<LogLine> logs(String runtimeId) {
        return logs.getOrDefault(runtimeId, List.of());
    }

    @Override
    public void stop(String runtimeId) {
        if (running.remove(runtimeId) != null) exited.put(runtimeId, 0); // as if it handled SIGTERM
    }

    @Override
    public void remove(String runtimeId) {
        running.remove(runtimeId);
    }

    @Override
    public Answer get(String runtimeId, ContainerSpec c, String path) {
        if (!running.containsKey(runtimeId)) return new Answer(-1, "");
        return listed(unhealthy, c) ? new Answer(404, "404 Not Found\n") : new Answer(200, c.tag() + "\n");
    }

    @Override
    public void close() {
        running.clear();
    }
}
