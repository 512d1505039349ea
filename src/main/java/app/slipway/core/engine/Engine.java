package app.slipway.core.engine;

import app.slipway.core.host.EngineSocket;
import java.util.List;
import java.util.Optional;

/**
 * What Slipway asks of a target's Docker Engine directly; Compose itself runs as a command on the
 * target. {@link DockerEngine} is the real one; tests of the run kernel use an in-memory one.
 *
 * <p>{@link #version()} is the reachability check and turns every failure into a refusal with a
 * sentence; {@link #pull} refuses too (pulling changes nothing). The other calls let failures
 * through: a lost connection mid-upgrade is not a refusal, the caller decides.
 */
public interface Engine extends AutoCloseable {
    static Engine connect(EngineSocket socket, String where) {
        return DockerEngine.connect(socket, where);
    }

    /** An engine whose pulls carry {@code logins}: the registry logins of the target's own user. */
    static Engine connect(EngineSocket socket, String where, app.slipway.core.registry.RegistryLogins logins) {
        return DockerEngine.connect(socket, where, logins);
    }

    /** The engine's version; the check that it answers at all. */
    EngineVersion version();

    /** Every container of a Compose project, stopped ones too, ordered by service then name. */
    List<ServiceContainer> containersOf(String composeProject);

    /**
     * The Compose projects whose containers were started from {@code workingDir} (their
     * {@code com.docker.compose.project.working_dir} label), those with running containers first.
     */
    List<String> projectsIn(String workingDir);

    /** The image's digest in its own repository ({@code repo@sha256:…}); empty for an image never pulled or pushed. */
    Optional<String> repoDigest(String imageRefOrId);

    /** Every RepoDigest of a local image; empty when it is absent. */
    List<String> repoDigests(String imageRefOrId);

    boolean imageExistsLocally(String ref);

    /** The local image's ID ({@code sha256:…}) for a reference, empty when there is none. */
    Optional<String> imageId(String ref);

    /** Points {@code repository:tag} at the image {@code imageId}, moving the tag if it is elsewhere. */
    void tag(String imageId, String repository, String tag);

    /**
     * Stops a container as Compose does — its stop signal, then SIGKILL after {@code grace} — and
     * removes it, keeping its volumes (what {@code docker stop -t} then {@code docker rm} do).
     */
    void stopAndRemove(String containerId, java.time.Duration grace);

    /** Makes {@code repository:tag} an image whose one layer is the tar stream {@code rootfs} ({@code docker import}). */
    void importImage(java.io.InputStream rootfs, String repository, String tag);

    /**
     * Pulls {@code image:tag} ({@code tag} may be a digest, {@code sha256:…}), streaming progress; refuses
     * (exit 3) when the tag does not exist, the registry wants a login, or the pull fails.
     */
    void pull(String image, String tag, PullListener listener);

    /** The last {@code lines} lines of a container's output, stdout and stderr together, oldest first. */
    List<String> logTail(String containerId, int lines);

    @Override
    void close();
}
