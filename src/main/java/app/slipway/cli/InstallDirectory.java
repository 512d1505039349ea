package app.slipway.cli;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import picocli.CommandLine.Option;

/**
 * {@code --dir} alone, for the commands that read what Slipway keeps beside a stack (its backups, its
 * history) and need neither its profile nor its engine.
 */
public final class InstallDirectory {
    @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "The install directory on the target (holds the compose file and .env).")
    String directory;

    /** The directory as the target resolves it; one that is not there is bad input. */
    String on(Target target) {
        String abs = target.absolute(directory);
        if (!target.stat(abs).map(FileInfo::directory).orElse(false)) {
            throw SlipwayException.badInput("There is no directory " + abs + " on " + target.describe() + ": check --dir.");
        }
        return abs;
    }
}
