package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.events.RunListener;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import java.util.List;

/**
 * Puts each host directory of a backup back: {@code DIR/<path>} is emptied and the archive unpacked
 * into it, on the target. The caller stops the stack first; this refuses while any of its services runs,
 * since a running PGlite would overwrite what was just restored.
 */
public final class DirectoryRestore {
    /** $1 the directory, $2 the archive. */
    static final String EMPTY_AND_UNPACK =
            "mkdir -p \"$1\" && find \"$1\" -mindepth 1 -maxdepth 1 -exec rm -rf {} + && tar -C \"$1\" -xf \"$2\"";

    public void restore(Connection connection, StackState stack, Backup backup, RunListener listener) {
        if (backup.manifest().directories().isEmpty()) return;
        List<String> running = connection.engine().containersOf(stack.project()).stream()
                .filter(c -> c.isRunning() && !c.oneOff()).map(ServiceContainer::service).distinct().toList();
        if (!running.isEmpty()) {
            throw SlipwayException.refused("Cannot restore the directories of backup " + backup.id() + " while "
                    + String.join(", ", running) + " run: stop the stack first.");
        }
        LoggedCommands commands = LoggedCommands.forStack(connection.target(), stack, listener, "restore");
        for (DirectoryEntry d : backup.manifest().directories()) {
            String absolute = stack.files().directory() + "/" + d.path();
            commands.log("Restoring directory " + d.path() + " from backup " + backup.id());
            ExecResult unpacked = commands.run(Command.of(
                    InService.shell(EMPTY_AND_UNPACK, absolute, backup.pathOf(d.file())).toArray(String[]::new)));
            if (!unpacked.ok()) {
                throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Restoring directory " + absolute + " from backup "
                        + backup.id() + " failed (" + commands.lastWords(unpacked) + "): its archive is "
                        + backup.pathOf(d.file()) + "; unpack it there by hand.");
            }
        }
    }
}
