package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.state.StateHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What this machine remembers of an ECS cluster, in {@code $XDG_STATE_HOME/slipway/ecs/REGION/CLUSTER}
 * (else {@code ~/.local/state/…}): the revisions each service ran before an upgrade
 * ({@code revisions/ID.json}, the "backup" of an ECS run), and beside them the run kernel's own lock,
 * journal and history in {@code .slipway/}. {@code ecs rollback} returns to the revisions of the
 * last upgrade the history says succeeded, or of the one the journal says was interrupted.
 *
 * @param id       the run's id (also the history's backup id)
 * @param services each service and the task definition revision (ARN) it ran, in update order
 */
public record EcsRecord(String id, String at, String product, String version, List<Revision> services) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Revision(String service, String taskDefinition) {}

    public EcsRecord {
        services = List.copyOf(services);
    }

    public static Path directory(String region, String cluster) {
        return StateHome.base().resolve("ecs").resolve(safe(region)).resolve(safe(cluster));
    }

    public static Path file(Path directory, String id) {
        return directory.resolve("revisions").resolve(safe(id) + ".json");
    }

    public void write(Path directory) {
        Path file = file(directory, id);
        try {
            app.slipway.core.state.StateHome.writeAtomically(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot write " + file + " (" + e.getMessage() + "): check the permissions"
                    + " there; nothing on AWS was changed.");
        }
    }

    public static Optional<EcsRecord> read(Path directory, String id) {
        Path file = file(directory, id);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), EcsRecord.class));
        } catch (IOException e) {
            throw SlipwayException.refused("The record of the revisions to return to, " + file + ", cannot be read ("
                    + e.getMessage() + "): look at it, or return the services by hand in the ECS console.");
        }
    }

    /** The journal an interrupted ECS run left in the cluster's record on this machine, if any. */
    public static Optional<app.slipway.core.state.JournalEntry> interrupted(Path directory) {
        return app.slipway.core.state.Journal.find(new app.slipway.core.host.LocalTarget(), directory.toString());
    }

    /** Every ECS run this machine recorded for the cluster, oldest first. */
    public static List<app.slipway.core.state.HistoryEntry> history(Path directory) {
        return app.slipway.core.state.History.read(new app.slipway.core.host.LocalTarget(), directory.toString());
    }

    public Optional<String> revisionOf(String service) {
        return services.stream().filter(r -> r.service().equals(service)).map(Revision::taskDefinition).findFirst();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
