package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.StateHome;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param id        the run's id (also the history's backup id)
 * @param services  each service and the task definition revision (ARN) it ran, in update order
 * @param profile   the profile the upgrade used (built-in name or the file's absolute path), so that
 *                  {@code ecs rollback} needs no {@code --profile}; null in records from before it was kept
 * @param healthUrl the load balancer's health URL the upgrade checked, checked again by {@code ecs rollback}
 *                  when none is given; null when there was none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EcsRecord(String id, String at, String product, String version, List<Revision> services,
                        String profile, String healthUrl) {
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
            StateHome.writeAtomically(file, JSON.writeValueAsBytes(this));
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
    public static Optional<JournalEntry> interrupted(Path directory) {
        return Journal.find(new LocalTarget(), directory.toString());
    }

    /** Every ECS run this machine recorded for the cluster, oldest first. */
    public static List<HistoryEntry> history(Path directory) {
        return History.read(new LocalTarget(), directory.toString());
    }

    /**
     * The id of the upgrade {@code ecs rollback} returns from: the interrupted one, else the last one
     * the history says succeeded (a failed one has already gone back by itself).
     */
    public static Optional<String> idToReturnFrom(List<HistoryEntry> history,
                                                  Optional<JournalEntry> interrupted) {
        return interrupted.map(JournalEntry::backupId).or(() -> lastSucceeded(history));
    }

    /** The record {@code ecs rollback} would return to, if this machine has it. */
    public static Optional<EcsRecord> toReturnTo(Path directory) {
        return idToReturnFrom(history(directory), interrupted(directory)).flatMap(id -> read(directory, id));
    }

    private static Optional<String> lastSucceeded(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            var e = history.get(i);
            if ("upgrade".equals(e.command()) && HistoryEntry.SUCCEEDED.equals(e.result())
                    && e.backupId() != null) {
                return Optional.of(e.backupId());
            }
        }
        return Optional.empty();
    }

    public Optional<String> revisionOf(String service) {
        return services.stream().filter(r -> r.service().equals(service)).map(Revision::taskDefinition).findFirst();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
