package app.slipway.core.engine;

import java.time.Instant;

/**
 * One container of a Compose project, running or not.
 *
 * @param name      without the leading slash, e.g. {@code strata_web_1}
 * @param service   the {@code com.docker.compose.service} label
 * @param state     the engine's word: running, exited, created, restarting, paused, dead, removing
 * @param image     the image reference the container was created from, e.g. {@code repo:1.2.0}
 * @param imageId   the image it actually runs, {@code sha256:…}
 * @param exitCode  the last exit code (0 while running or never run)
 * @param oneOff    a {@code compose run} container, not a service's long-running one
 * @param startedAt when it last started; null if it never did
 */
public record ServiceContainer(
        String id,
        String name,
        String service,
        String state,
        ContainerHealth health,
        String image,
        String imageId,
        int exitCode,
        boolean oneOff,
        Instant startedAt) {

    public boolean isRunning() {
        return state.equals("running");
    }
}
