package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.VolumeArchive;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * One tar per volume path, made inside the service's container ({@code tar -C PATH -cf - .}) and
 * written straight into the backup folder on the target.
 */
final class VolumeArchiver {
    private VolumeArchiver() {}

    static VolumeEntry archive(Connection connection, StackState stack, VolumeArchive volume, String folder,
                               String fileName, LoggedCommands commands) {
        Optional<String> container = ServiceContainers.of(connection, stack, volume.service());
        if (volume.stopped() && container.isPresent()) {
            return archiveStopped(connection, stack, volume, container.get(), folder, fileName, commands);
        }
        ExecResult tar;
        if (container.isPresent()) {
            // Through the engine, as `docker compose cp` does: any image, with or without a shell or tar;
            // `docker` runs on the server and the archive is written there, never through the SSH link.
            commands.log("Archiving " + volume.path() + " of service " + volume.service() + " (" + container.get() + ")");
            tar = commands.run(ServiceContainers.copyOut(stack, container.get(), volume.path())
                    .writingTo(folder + "/" + fileName));
        } else {
            commands.log("Archiving " + volume.path() + " of service " + volume.service()
                    + " (it has no container: through a temporary one)");
            tar = commands.run(InService.command(stack, volume.service(), false,
                    List.of("tar", "-C", volume.path(), "-cf", "-", ".")).writingTo(folder + "/" + fileName));
        }
        if (!tar.ok()) {
            throw SlipwayException.refused("Archiving " + volume.path() + " of service '" + volume.service()
                    + "' failed (" + commands.lastWords(tar) + "): check backup.volumes in the profile, or run with --skip-backup.");
        }
        return new VolumeEntry(volume.service(), volume.path(), fileName);
    }

    /**
     * A database's own files: copied with their service stopped (a copy of a running database is
     * not a backup), then the service is started again — before anything else of the run goes on.
     */
    private static VolumeEntry archiveStopped(Connection connection, StackState stack, VolumeArchive volume,
                                              String container, String folder, String fileName, LoggedCommands commands) {
        commands.log("Stopping " + volume.service() + " for a moment to archive " + volume.path() + " consistently");
        ExecResult stop = commands.run(stack.compose().stop(List.of(volume.service())));
        if (!stop.ok()) {
            throw SlipwayException.refused("Stopping '" + volume.service() + "' to archive " + volume.path() + " failed ("
                    + commands.lastWords(stop) + "): nothing was changed; run with --skip-backup to go on without it.");
        }
        ExecResult tar;
        try {
            tar = commands.run(ServiceContainers.copyOut(stack, container, volume.path()).writingTo(folder + "/" + fileName));
        } finally {
            ExecResult start = commands.run(stack.compose().start(List.of(volume.service())));
            if (!start.ok()) {
                throw SlipwayException.refused("Starting '" + volume.service() + "' again after archiving " + volume.path()
                        + " failed (" + commands.lastWords(start) + "): start it with 'docker compose start "
                        + volume.service() + "' in " + stack.files().directory() + ".");
            }
        }
        if (!tar.ok()) {
            throw SlipwayException.refused("Archiving " + volume.path() + " of service '" + volume.service()
                    + "' failed (" + commands.lastWords(tar) + "): check backup.volumes in the profile, or run with --skip-backup.");
        }
        return new VolumeEntry(volume.service(), volume.path(), fileName);
    }
}
