package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.VolumeArchive;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.ExecResult;
import java.util.List;

/**
 * One tar per volume path, made inside the service's container ({@code tar -C PATH -cf - .}) and
 * written straight into the backup folder on the target.
 */
final class VolumeArchiver {
    private VolumeArchiver() {}

    static VolumeEntry archive(Connection connection, StackState stack, VolumeArchive volume, String folder,
                               String fileName, LoggedCommands commands) {
        boolean running = InService.isRunning(connection, stack, volume.service());
        commands.log("Archiving " + volume.path() + " of service " + volume.service()
                + (running ? "" : " (not running: through a temporary container)"));
        ExecResult tar = commands.run(InService.command(stack, volume.service(), running,
                List.of("tar", "-C", volume.path(), "-cf", "-", ".")).writingTo(folder + "/" + fileName));
        if (!tar.ok()) {
            throw SlipwayException.refused("Archiving " + volume.path() + " of service '" + volume.service()
                    + "' failed (" + commands.lastWords(tar) + "): check backup.volumes in the profile, or run with --skip-backup.");
        }
        return new VolumeEntry(volume.service(), volume.path(), fileName);
    }
}
