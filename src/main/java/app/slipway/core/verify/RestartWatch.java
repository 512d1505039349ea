package app.slipway.core.verify;

import app.slipway.core.engine.ServiceContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices services whose containers restart while verification watches: a container seen in
 * state {@code restarting}, or one whose start time moved since the last poll (a crash loop can be
 * caught in a brief "running" moment). A service that restarted is not counted as up until it
 * stays up for {@link #STABLE}; one that keeps restarting that long has failed.
 */
final class RestartWatch {
    static final Duration STABLE = Duration.ofSeconds(10);

    private final Map<String, Instant> startedAtById = new HashMap<>();
    private final Map<String, Instant> episodeStart = new HashMap<>();
    private final Map<String, Instant> lastRestart = new HashMap<>();

    /** Records what this poll shows; call once per poll, before asking about services. */
    void observe(List<ServiceContainer> containers, Instant now) {
        for (ServiceContainer c : containers) {
            Instant before = startedAtById.get(c.id());
            boolean restarted = c.state().equals("restarting")
                    || (before != null && c.startedAt() != null && c.startedAt().isAfter(before));
            if (c.startedAt() != null) startedAtById.put(c.id(), c.startedAt());
            if (restarted) {
                episodeStart.putIfAbsent(c.service(), now);
                lastRestart.put(c.service(), now);
            }
        }
        // an episode ends once the service has gone a whole STABLE period without a restart
        lastRestart.entrySet().removeIf(e -> {
            boolean calm = !e.getValue().plus(STABLE).isAfter(now);
            if (calm) episodeStart.remove(e.getKey());
            return calm;
        });
    }

    /** Restarted within the last {@link #STABLE}, in an episode lasting that long already. */
    boolean keepsRestarting(String service, Instant now) {
        Instant since = episodeStart.get(service);
        return since != null && !since.plus(STABLE).isAfter(now);
    }

    /** Restarted within the last {@link #STABLE}: not yet proven to stay up. */
    boolean restartedRecently(String service) {
        return lastRestart.containsKey(service);
    }
}
