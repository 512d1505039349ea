package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code images.json} of a backup: the running containers' images, tags and registry digests, and
 * each one's pin, {@code repo:tag@sha256:…} ({@link RunningImage#pin()}; written for people and
 * other tools — a rollback reads the image, its ID and its digest).
 */
public final class ImagesFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImagesFile() {}

    /** What runs now, asked of the engine: one entry per running long-lived container. */
    static List<RunningImage> capture(Connection connection, String project) {
        List<RunningImage> images = new ArrayList<>();
        for (ServiceContainer c : connection.engine().containersOf(project)) {
            if (!c.isRunning() || c.oneOff()) continue;
            images.add(new RunningImage(c.service(), c.name(), c.image(), c.imageId(), repoDigest(connection, c)));
        }
        return images;
    }

    /**
     * The digest of the image the container really runs (inspected by ID: its tag may point
     * elsewhere by now), preferring the digest of the container's own repository.
     */
    private static Optional<String> repoDigest(Connection connection, ServiceContainer c) {
        List<String> digests = connection.engine().repoDigests(c.imageId());
        if (digests.isEmpty()) return Optional.empty();
        Optional<ImageRef> own = ImageRef.tryParse(c.image());
        return digests.stream()
                .filter(d -> own.isPresent() && ImageRef.tryParse(d).map(own.get()::sameRepository).orElse(false))
                .findFirst()
                .or(() -> Optional.of(digests.get(0)));
    }

    static byte[] write(List<RunningImage> images) {
        ArrayNode root = JSON.createArrayNode();
        for (RunningImage i : images) {
            root.addObject().put("service", i.service()).put("container", i.container()).put("image", i.image())
                    .put("imageId", i.imageId()).put("repoDigest", i.repoDigest().orElse(null))
                    .put("pin", i.pin().orElse(null));
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The images recorded in a backup, in the order they were written. */
    public static List<RunningImage> read(Target target, Backup backup) {
        String path = backup.pathOf(BackupNames.IMAGES);
        JsonNode root;
        try {
            root = JSON.readTree(target.readFile(path));
        } catch (IOException e) {
            throw SlipwayException.refused("The backup's " + path + " is not valid JSON: use another backup.", e);
        }
        List<RunningImage> images = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                JsonNode digest = n.get("repoDigest");
                images.add(new RunningImage(n.path("service").asText(), n.path("container").asText(),
                        n.path("image").asText(), n.path("imageId").asText(),
                        digest == null || digest.isNull() ? Optional.empty() : Optional.of(digest.asText())));
            }
        }
        return images;
    }
}
