package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;
import java.util.Optional;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunListener;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.ExecResult;

/**
 * Puts each volume archive of a backup back: inside the service's container the path is emptied and
 * the archive unpacked into it, read from the backup folder on the target. A running service gets it
 * through {@code compose exec -T}; a stopped one through a throwaway {@code compose run --rm} container
 * with the same volumes.
 */
public final class VolumeRestore {
    /**
     * $1 is the path. {@code find -exec rm -rf {} +} rather than {@code -delete}: busybox find has no
     * {@code -delete}. Hidden files go too; the path itself (often a mount point) stays.
     */
    static final String EMPTY_AND_UNPACK =
            "mkdir -p \"$1\" && find \"$1\" -mindepth 1 -maxdepth 1 -exec rm -rf {} + && tar -C \"$1\" -xf -";

    /** No shell to empty the directory with: the engine copies the archive in over what is there. */
    private static ExecResult copyIn(StackState stack, Backup backup, VolumeEntry v, String container,
                                     LoggedCommands commands) {
        commands.log("Restoring " + v.path() + " of service " + v.service() + " from backup " + backup.id()
                + " through the engine (its image has no shell: files added since the backup stay)");
        return commands.run(ServiceContainers.copyIn(stack, container, v.path()).readingFrom(backup.pathOf(v.file())));
    }

    public void restore(Connection connection, StackState stack, Backup backup, RunListener listener) {
        LoggedCommands commands = LoggedCommands.forStack(connection.target(), stack, listener, "restore");
        for (VolumeEntry v : backup.manifest().volumes()) {
            boolean running = InService.isRunning(connection, stack, v.service());
            Optional<String> container = ServiceContainers.of(connection, stack, v.service());
            ExecResult unpacked;
            if (running && container.isPresent() && !ServiceContainers.hasShell(connection, container.get())) {
                unpacked = copyIn(stack, backup, v, container.get(), commands);
            } else {
                commands.log("Restoring " + v.path() + " of service " + v.service() + " from backup " + backup.id()
                        + (running ? "" : " (not running: through a temporary container)"));
                unpacked = commands.run(InService.command(stack, v.service(), running,
                        InService.shell(EMPTY_AND_UNPACK, v.path())).readingFrom(backup.pathOf(v.file())));
                if (!unpacked.ok() && !running && container.isPresent()) {
                    // A stopped service whose image has no shell: its own container takes the archive.
                    unpacked = copyIn(stack, backup, v, container.get(), commands);
                }
            }
            if (!unpacked.ok()) {
                throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Restoring " + v.path() + " of service '"
                        + v.service() + "' from backup " + backup.id() + " failed (" + commands.lastWords(unpacked)
                        + "): its archive is " + backup.pathOf(v.file()) + "; unpack it there by hand.");
            }
        }
    }
}
