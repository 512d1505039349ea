package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.stack.StackState;
import java.util.Optional;

/**
 * The image a restore drill runs its throwaway server from: the one the database service ran when
 * the dump was taken (its {@code pg_restore} reads what its {@code pg_dump} wrote), else the one it
 * runs now.
 *
 * @param id      the image ID ({@code sha256:…}) the container is started from
 * @param display how people know it: the reference, and the ID's first digits
 */
record DrillImage(String id, String display) {

    static DrillImage choose(Connection connection, StackState stack, Backup backup, DatabaseEntry db) {
        Optional<RunningImage> recorded = recorded(connection, backup, db.service());
        if (recorded.isPresent() && connection.engine().imageExistsLocally(recorded.get().imageId())) {
            return of(recorded.get().imageId(), recorded.get().image());
        }
        return connection.engine().containersOf(stack.project()).stream()
                .filter(c -> db.service().equals(c.service()) && !c.oneOff())
                .min(java.util.Comparator.comparing((ServiceContainer c) -> !c.isRunning()))
                .map(c -> of(c.imageId(), c.image()))
                .orElseThrow(() -> SlipwayException.refused("The restore drill of backup " + backup.id() + " needs the"
                        + " image of the database service '" + db.service() + "', and the target has neither the one"
                        + " recorded in the backup nor a container of the service: start the stack and run it again."));
    }

    private static Optional<RunningImage> recorded(Connection connection, Backup backup, String service) {
        try {
            return ImagesFile.read(connection.target(), backup).stream().filter(i -> service.equals(i.service())).findFirst();
        } catch (SlipwayException unreadable) {
            return Optional.empty(); // the service's current image will do
        }
    }

    private static DrillImage of(String id, String reference) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return new DrillImage(id, reference + " (" + hex.substring(0, Math.min(12, hex.length())) + ")");
    }
}
