package app.slipway.core.fakes;

import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.EngineVersion;
import app.slipway.core.engine.PullListener;
import app.slipway.core.engine.ServiceContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine that knows the images a test says a registry has and the containers a test says run:
 * what the run kernel and the planners ask of an engine, without one.
 */
public final class InMemoryEngine implements Engine {
    private final Set<String> registry = new HashSet<>();
    private final Map<String, String> localImages = new HashMap<>(); // ref -> id
    private final Map<String, String> digestIds = new HashMap<>(); // repo@digest -> id
    private final List<ServiceContainer> containers = new CopyOnWriteArrayList<>();
    private final List<String> pulls = new CopyOnWriteArrayList<>();
    private final List<String> removed = new CopyOnWriteArrayList<>();

    /** The registry has {@code image:tag}. */
    public InMemoryEngine publishes(String image, String tag) {
        registry.add(image + ":" + tag);
        return this;
    }

    /** A running, healthy (or plain running) container of a project's service. */
    public InMemoryEngine runs(String project, String service, String image, boolean healthy) {
        String id = "sha256:" + Integer.toHexString(image.hashCode());
        localImages.put(image, id);
        containers.add(new ServiceContainer("c-" + project + "-" + service, project + "-" + service + "-1", service,
                "running", healthy ? ContainerHealth.HEALTHY : ContainerHealth.NONE, image, id, 0, false,
                Instant.now().minusSeconds(60)));
        return this;
    }

    /** What {@code up -d} leaves: one running container per service, the old ones gone. */
    public InMemoryEngine replaceContainers(String project, List<String> services, String image, boolean healthy) {
        return replaceContainers(project, services, image, healthy, Set.of());
    }

    /** As above; the {@code oneShots} ran and exited 0. */
    public InMemoryEngine replaceContainers(String project, List<String> services, String image, boolean healthy,
                                           Set<String> oneShots) {
        var images = new java.util.LinkedHashMap<String, String>();
        services.forEach(s -> images.put(s, image));
        return replaceContainers(project, images, healthy, oneShots);
    }

    /** One container per service, each on its own image; the {@code oneShots} ran and exited 0. */
    public InMemoryEngine replaceContainers(String project, Map<String, String> images, boolean healthy,
                                           Set<String> oneShots) {
        containers.removeIf(c -> c.name().startsWith(project + "-"));
        for (var entry : images.entrySet()) {
            String service = entry.getKey();
            String image = entry.getValue();
            if (oneShots.contains(service)) {
                containers.add(new ServiceContainer("c-" + project + "-" + service, project + "-" + service + "-1", service,
                        "exited", ContainerHealth.NONE, image, "sha256:" + Integer.toHexString(image.hashCode()), 0, false,
                        Instant.now().minusSeconds(5)));
            } else {
                runs(project, service, image, healthy);
            }
        }
        return this;
    }

    public List<String> pulls() {
        return List.copyOf(pulls);
    }

    @Override
    public EngineVersion version() {
        return new EngineVersion("20.10.24", "1.41", "linux", "amd64");
    }

    @Override
    public List<ServiceContainer> containersOf(String composeProject) {
        return containers.stream().filter(c -> c.name().startsWith(composeProject + "-")).toList();
    }

    private final Map<String, List<String>> projectsByDir = new HashMap<>();

    /** Containers of {@code project} were started from {@code workingDir} (their Compose label says so). */
    public InMemoryEngine startedFrom(String workingDir, String project) {
        projectsByDir.computeIfAbsent(workingDir, d -> new ArrayList<>()).add(project);
        return this;
    }

    @Override
    public List<String> projectsIn(String workingDir) {
        return List.copyOf(projectsByDir.getOrDefault(workingDir, List.of()));
    }

    @Override
    public Optional<String> repoDigest(String imageRefOrId) {
        return Optional.empty();
    }

    @Override
    public List<String> repoDigests(String imageRefOrId) {
        return List.of();
    }

    /** Like the engine, an image ID names a local image as well as a reference does. */
    @Override
    public boolean imageExistsLocally(String ref) {
        return localImages.containsKey(ref) || localImages.containsValue(ref);
    }

    @Override
    public Optional<String> imageId(String ref) {
        return Optional.ofNullable(localImages.get(ref)).or(() -> Optional.of(ref).filter(localImages::containsValue));
    }

    /** The registry has {@code repo@sha256:…}, which pulls as the image {@code imageId}. */
    public InMemoryEngine publishesDigest(String repoAtDigest, String imageId) {
        registry.add(repoAtDigest);
        digestIds.put(repoAtDigest, imageId);
        return this;
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        localImages.put(repository + ":" + tag, imageId);
    }

    @Override
    public void stopAndRemove(String containerId, java.time.Duration grace) {
        removed.add(containerId + " after " + grace.toSeconds() + " s");
        containers.removeIf(c -> c.id().equals(containerId));
    }

    /** The containers stopped and removed, as {@code "ID after N s"}, in order. */
    public List<String> removed() {
        return List.copyOf(removed);
    }

    @Override
    public void importImage(java.io.InputStream rootfs, String repository, String tag) {
        localImages.put(repository + ":" + tag, "sha256:imported-" + repository + "-" + tag);
    }

    @Override
    public void pull(String image, String tag, PullListener listener) {
        String ref = image + (tag.startsWith("sha256:") ? "@" : ":") + tag; // the engine takes a digest as the tag
        pulls.add(ref);
        if (!registry.contains(ref)) {
            throw SlipwayException.refused("Image " + ref + " does not exist in the registry: check the version.");
        }
        localImages.putIfAbsent(ref, digestIds.getOrDefault(ref, "sha256:" + Integer.toHexString(ref.hashCode())));
        listener.onLayer("layer-1", "Pull complete", 10, 10);
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        return new ArrayList<>(List.of("log of " + containerId));
    }

    @Override
    public void close() {}
}
