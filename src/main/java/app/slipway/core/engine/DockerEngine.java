package app.slipway.core.engine;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.EngineSocket;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.registry.LoginAdvice;
import app.slipway.core.registry.RegistryCredential;
import app.slipway.core.registry.RegistryLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The Docker Engine of one target, through docker-java over {@link StreamDockerHttpClient}. Only
 * what Slipway asks of the engine directly; Compose itself runs as a command on the target.
 *
 * <p>{@link #version()} is the reachability check and turns every failure into a refusal with a
 * sentence. The other calls let docker-java's exceptions through (a lost connection mid-upgrade is
 * not a refusal; the caller decides), except {@link #pull}, which refuses: pulling changes nothing.
 * Pulls carry the target user's own registry login ({@link RegistryLogins}), never this computer's.
 */
public final class DockerEngine implements Engine {
    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";
    static final String ONE_OFF_LABEL = "com.docker.compose.oneoff";
    static final String WORKING_DIR_LABEL = "com.docker.compose.project.working_dir";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Go's zero time: what the engine reports as StartedAt for a container that never started. */
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private final DockerClient docker;
    private final com.github.dockerjava.transport.DockerHttpClient http;
    private final String where;
    private final RegistryLogins logins;

    private DockerEngine(DockerClient docker, com.github.dockerjava.transport.DockerHttpClient http, String where,
                         RegistryLogins logins) {
        this.docker = docker;
        this.http = http;
        this.where = where;
        this.logins = logins;
    }

    /** An engine client that pulls anonymously (see {@link #connect(EngineSocket, String, RegistryLogins)}). */
    public static DockerEngine connect(EngineSocket socket, String where) {
        return connect(socket, where, RegistryLogins.none());
    }

    /**
     * An engine client; connects lazily, one connection per call. {@code where} names the target in
     * refusals; {@code logins} are the registry logins its pulls carry (the target user's).
     */
    public static DockerEngine connect(EngineSocket socket, String where, RegistryLogins logins) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix:///var/run/docker.sock") // nominal: the socket decides where requests go
                .withApiVersion((String) null) // unversioned paths: the engine answers in its own API version
                .withDockerTlsVerify(Boolean.FALSE) // TLS is not ours to do: the socket is local or inside SSH
                .build();
        var http = new StreamDockerHttpClient(socket);
        return new DockerEngine(DockerClientImpl.getInstance(config, http), http, where, logins);
    }

    /** The engine's version; the check that it answers at all. */
    @Override
    public EngineVersion version() {
        try {
            Version v = docker.versionCmd().exec();
            return new EngineVersion(v.getVersion(), v.getApiVersion(), v.getOperatingSystem(), v.getArch());
        } catch (SlipwayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    private SlipwayException unreachable(RuntimeException e) {
        String reason = reason(e);
        String engine = where == null ? "The Docker Engine" : "The Docker Engine on " + where;
        if (reason.toLowerCase(Locale.ROOT).contains("permission denied")) {
            return SlipwayException.refused(engine + " refused this user (permission denied on its socket):"
                    + " add the user to the docker group and log in again, or run as root.", e);
        }
        return SlipwayException.refused(engine + " is not reachable (" + reason + "): is it running?", e);
    }

    /** Every container of a Compose project, stopped ones too, ordered by service then name. */
    @Override
    public List<ServiceContainer> containersOf(String composeProject) {
        List<Container> listed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(PROJECT_LABEL, composeProject))
                .exec();
        List<ServiceContainer> containers = new ArrayList<>();
        for (Container c : listed) {
            try {
                containers.add(serviceContainer(docker.inspectContainerCmd(c.getId()).exec()));
            } catch (NotFoundException removedSinceListed) {
                // compose removed it between the two calls: it is no longer part of the project
            }
        }
        containers.sort(Comparator.comparing(ServiceContainer::service).thenComparing(ServiceContainer::name));
        return containers;
    }

    private static ServiceContainer serviceContainer(InspectContainerResponse c) {
        Map<String, String> labels = c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
        InspectContainerResponse.ContainerState state = c.getState();
        Long exitCode = state.getExitCodeLong();
        return new ServiceContainer(
                c.getId(),
                c.getName().startsWith("/") ? c.getName().substring(1) : c.getName(),
                labels.getOrDefault(SERVICE_LABEL, ""),
                state.getStatus(),
                ContainerHealth.of(state.getHealth() == null ? null : state.getHealth().getStatus()),
                c.getConfig().getImage(),
                c.getImageId(),
                exitCode == null ? 0 : exitCode.intValue(),
                "True".equalsIgnoreCase(labels.get(ONE_OFF_LABEL)),
                startedAt(state.getStartedAt()));
    }

    private static Instant startedAt(String engineTime) {
        if (engineTime == null || engineTime.isEmpty()) {
            return null;
        }
        try {
            Instant t = Instant.parse(engineTime);
            return t.equals(NEVER) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The image's digest in its registry, e.g. {@code 127.0.0.1:5555/app@sha256:…}: the RepoDigest of
     * the reference's own repository when there is one, else the first. Empty for an image that is
     * absent or was never pulled or pushed (built locally).
     */
    @Override
    public List<String> projectsIn(String workingDir) {
        List<Container> listed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(WORKING_DIR_LABEL, workingDir))
                .exec();
        var running = new java.util.LinkedHashSet<String>();
        var stopped = new java.util.LinkedHashSet<String>();
        for (Container c : listed) {
            String project = c.getLabels() == null ? null : c.getLabels().get(PROJECT_LABEL);
            if (project == null || project.isBlank()) continue;
            ("running".equalsIgnoreCase(c.getState()) ? running : stopped).add(project);
        }
        var all = new ArrayList<>(running);
        stopped.stream().filter(p -> !running.contains(p)).forEach(all::add);
        return all;
    }

    @Override
    public Optional<String> repoDigest(String imageRefOrId) {
        List<String> digests;
        try {
            digests = docker.inspectImageCmd(imageRefOrId).exec().getRepoDigests();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (digests == null || digests.isEmpty()) {
            return Optional.empty();
        }
        String repository = repositoryOf(imageRefOrId);
        return digests.stream()
                .filter(d -> d.substring(0, Math.max(0, d.indexOf('@'))).equals(repository))
                .findFirst()
                .or(() -> Optional.of(digests.get(0)));
    }

    /** {@code host:5555/a/b:tag} → {@code host:5555/a/b}; a digest or tag suffix is dropped, a registry port kept. */
    static String repositoryOf(String ref) {
        int at = ref.indexOf('@');
        String name = at >= 0 ? ref.substring(0, at) : ref;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    @Override
    public boolean imageExistsLocally(String ref) {
        try {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Pulls {@code image:tag}, streaming progress to the listener, and returns when the image is
     * local. Refuses (exit 3) when the tag or repository does not exist, when the registry wants a
     * login (saying where to run {@code docker login}), or when the pull fails otherwise.
     */
    @Override
    public void pull(String image, String tag, PullListener listener) {
        String ref = image + (tag.startsWith("sha256:") ? "@" : ":") + tag; // the API takes a digest as the tag
        String registry = ImageRef.tryParse(image).map(ImageRef::registry).orElse(null);
        Optional<RegistryCredential> login = registry == null ? Optional.empty() : logins.forRegistry(registry);
        PullProgress progress = new PullProgress(ref, listener);
        String[] streamError = new String[1];
        boolean[] stopped = new boolean[1];
        ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (listener.stopRequested()) {
                    stopped[0] = true;
                    try {
                        close();
                    } catch (IOException ignored) {
                        // closing the stream is the stop; there is nothing else to undo
                    }
                    return;
                }
                if (item.isErrorIndicated()) {
                    // an error after the stream began comes as a message, not as an HTTP status
                    streamError[0] = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                } else {
                    progress.accept(item);
                }
            }
        };
        try {
            // Always set, even to none: docker-java would otherwise send this computer's own ~/.docker login,
            // to a server's engine too.
            await(docker.pullImageCmd(image).withTag(tag).withAuthConfig(login.map(RegistryAuth::of).orElse(null))
                    .exec(callback));
        } catch (RuntimeException e) {
            if (stopped[0]) return; // the closed stream's error is our own doing
            rethrowPullFailure(ref, registry, login.isPresent(), e);
        }
        if (stopped[0]) return;
        if (streamError[0] != null) {
            throw pullRefused(ref, registry, login.isPresent(), false, streamError[0], null);
        }
    }

    private void rethrowPullFailure(String ref, String registry, boolean sentLogin, RuntimeException failure) {
        try {
            throw failure;
        } catch (SlipwayException | CancellationException e) {
            throw e;
        } catch (NotFoundException e) {
            throw pullRefused(ref, registry, sentLogin, false, engineMessage(e), e);
        } catch (UnauthorizedException e) {
            throw pullRefused(ref, registry, sentLogin, true, engineMessage(e), e);
        } catch (DockerException e) {
            throw pullRefused(ref, registry, sentLogin, false, engineMessage(e), e);
        } catch (RuntimeException e) {
            // no engine answer at all: the connection to the engine failed, not the registry
            throw unreachable(e);
        }
    }

    /**
     * One sentence for a failed pull, from the engine's words (never the login: the engine does not echo it).
     * {@code unauthorized}: the engine answered 401. A 404 is a missing image, unless it is Docker Hub's
     * answer for a private repository and a missing one alike.
     */
    private SlipwayException pullRefused(String ref, String registry, boolean sentLogin, boolean unauthorized,
                                         String engineMessage, Throwable cause) {
        String m = engineMessage.toLowerCase(Locale.ROOT);
        if (registry != null && (unauthorized || wantsLogin(m))) {
            logins.forget(registry); // a `docker login` made after this sentence counts on the next try
            return LoginAdvice.pullRefused(registry, ref, logins, sentLogin);
        }
        if (registry != null && !sentLogin && m.contains("may require 'docker login'")) {
            logins.forget(registry);
            return LoginAdvice.missingOrPrivate(registry, ref, logins); // Docker Hub says the same for both
        }
        if (cause instanceof NotFoundException || isMissingImage(m)) {
            return SlipwayException.refused("Image " + ref + " does not exist in the registry: check the version.", cause);
        }
        return SlipwayException.refused("Pulling image " + ref + " failed (" + engineMessage
                + "): check that its registry is reachable from the Docker Engine.", cause);
    }

    /**
     * The engine's wording when the registry answered 401 (the engine does not always pass the status on):
     * a registry with basic auth and no login sent, a login it turned down, a token service that said no.
     */
    private static boolean wantsLogin(String engineMessage) {
        return engineMessage.contains("no basic auth credentials") || engineMessage.contains("unauthorized")
                || engineMessage.contains("authentication required") || engineMessage.contains("incorrect username or password");
    }

    /**
     * The registry's wording for a missing tag or repository when the engine did not answer 404:
     * "manifest unknown", "name unknown", or Docker Hub's "repository does not exist".
     */
    private static boolean isMissingImage(String m) {
        return m.contains("manifest unknown") || m.contains("name unknown") || m.contains("repository does not exist");
    }

    /** The last {@code lines} lines of a container's output, stdout and stderr together, oldest first. */
    @Override
    public List<String> logTail(String containerId, int lines) {
        LogLines collected = new LogLines();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                collected.accept(frame);
            }
        };
        await(docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(lines).exec(callback));
        return collected.last(lines);
    }

    @Override
    public Optional<String> imageId(String ref) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(ref).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> repoDigests(String imageRefOrId) {
        try {
            List<String> digests = docker.inspectImageCmd(imageRefOrId).exec().getRepoDigests();
            return digests == null ? List.of() : List.copyOf(digests);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        docker.tagImageCmd(imageId, repository, tag).withForce().exec();
    }

    @Override
    public void stopAndRemove(String containerId, Duration grace) {
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyStopped) {
            // stopped before: only the removal is left
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            return;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
        try {
            docker.removeContainerCmd(containerId).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            // removed meanwhile by someone else: what was asked is done
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public void importImage(java.io.InputStream rootfs, String repository, String tag) {
        // Straight to the API: docker-java's createImageCmd sends "{}" instead of the stream.
        var request = com.github.dockerjava.transport.DockerHttpClient.Request.builder()
                .method(com.github.dockerjava.transport.DockerHttpClient.Request.Method.POST)
                .path("/images/create?fromSrc=-&repo=" + java.net.URLEncoder.encode(repository, StandardCharsets.UTF_8)
                        + "&tag=" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8))
                .putHeader("Content-Type", "application/x-tar")
                .body(rootfs)
                .build();
        try (var response = http.execute(request)) {
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() / 100 != 2 || answer.contains("\"error\"")) {
                throw new IllegalStateException("HTTP " + response.getStatusCode() + ": " + answer.strip());
            }
        } catch (IOException | RuntimeException e) {
            throw app.slipway.core.SlipwayException.refused("The engine could not make the image " + repository + ":"
                    + tag + " (" + e.getMessage() + "): check the engine's log.", e);
        }
    }

    /** The docker-java client, for an operation this facade does not offer (tests clean up with it). */
    public DockerClient client() {
        return docker;
    }

    /** Closes the client; streams still being read (a pull) end with an error. */
    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing is left open that could still fail to close
        }
    }

    /** Waits for a streamed call; an interrupt closes the stream and cancels the call. */
    private static void await(ResultCallback.Adapter<?> callback) {
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            try {
                callback.close();
            } catch (IOException ignored) {
                // closing is the cancellation; a failure to close changes nothing
            }
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the Docker Engine");
        }
    }

    /** docker-java's message is "Status 404: {"message":"…"}": keep the engine's own text. */
    private static String engineMessage(DockerException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int json = m.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode message = JSON.readTree(m.substring(json)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw text
            }
        }
        return m.strip();
    }

    /** The innermost message of a failure, on one line: what the socket or the engine said. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof DockerException d ? engineMessage(d) : t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        m = m.strip().replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
