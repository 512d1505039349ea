package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Host directories of the install (PGlite-style data) archived with the services stopped, so
 * nothing writes to them mid-copy; the services that ran are started again afterwards, whatever
 * happened. A directory the profile lists but the install does not have is skipped, and said so.
 */
final class DirectoryArchiver {
    private DirectoryArchiver() {}

    static List<DirectoryEntry> archive(Connection connection, StackState stack, List<String> directories,
                                        String folder, Set<String> takenNames, LoggedCommands commands) {
        String dir = stack.files().directory();
        Map<String, String> present = new LinkedHashMap<>(); // profile path -> absolute path
        for (String relative : directories) {
            String absolute = dir + "/" + relative;
            boolean isDirectory = commands.target().stat(absolute).map(f -> f.directory()).orElse(false);
            if (isDirectory) {
                present.put(relative, absolute);
            } else {
                commands.log("Skipping directory " + relative + ": it does not exist in " + dir);
            }
        }
        if (present.isEmpty()) return List.of();

        List<String> running = runningServices(connection, stack);
        List<DirectoryEntry> entries = new ArrayList<>();
        stop(stack, running, commands);
        try {
            for (Map.Entry<String, String> d : present.entrySet()) {
                String fileName = BackupNames.directoryArchive(d.getKey(), takenNames);
                commands.log("Archiving directory " + d.getKey());
                ExecResult tar = commands.run(app.slipway.core.host.Command.of(
                        "tar", "-C", d.getValue(), "-cf", folder + "/" + fileName, "."));
                if (!tar.ok()) {
                    throw SlipwayException.refused("Archiving directory " + d.getValue() + " failed ("
                            + commands.lastWords(tar) + "): check the disk and the directory's permissions, or run with --skip-backup.");
                }
                entries.add(new DirectoryEntry(d.getKey(), fileName));
            }
        } finally {
            start(stack, running, commands);
        }
        return entries;
    }

    /** Services with a running long-lived container now; only these are stopped and started again. */
    private static List<String> runningServices(Connection connection, StackState stack) {
        return connection.engine().containersOf(stack.project()).stream()
                .filter(c -> c.isRunning() && !c.oneOff())
                .map(ServiceContainer::service)
                .distinct()
                .toList();
    }

    private static void stop(StackState stack, List<String> services, LoggedCommands commands) {
        if (services.isEmpty()) return;
        commands.log("Stopping " + String.join(", ", services) + " while the directories are copied");
        ExecResult stopped = commands.run(stack.compose().stop(services));
        if (!stopped.ok()) {
            start(stack, services, commands); // some may have stopped: bring them back before refusing
            throw SlipwayException.refused("Stopping the services to copy their directories failed ("
                    + commands.lastWords(stopped) + "): check the Docker Engine, or run with --skip-backup.");
        }
    }

    private static void start(StackState stack, List<String> services, LoggedCommands commands) {
        if (services.isEmpty()) return;
        ExecResult started = commands.run(stack.compose().start(services));
        if (!started.ok()) {
            // The stack is no longer as it was: this is not a refusal any more.
            throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "Starting " + String.join(", ", services)
                    + " again after copying their directories failed (" + commands.lastWords(started)
                    + "): run `" + stack.compose().start(services).display() + "` in " + stack.files().directory() + ".");
        }
    }
}
