package app.slipway.core.schedule;

import app.slipway.core.host.Command;
import java.util.List;

/**
 * A schedule as data (README §Unattended updates): the files to write on the target and the commands
 * that make it take effect, so it can be printed exactly as it is applied.
 *
 * @param kind "systemd timer" or "cron"
 * @param note what the user should know (a user timer runs only with lingering, cron's mail)
 */
public record Schedule(String kind, List<File> files, List<Command> commands, String note) {
    /** A file written whole, with its mode. */
    public record File(String path, String content, int mode) {}

    public Schedule {
        files = List.copyOf(files);
        commands = List.copyOf(commands);
    }
}
