package app.slipway.core.stack;

import java.util.Optional;

/**
 * The files of an install directory as read from the target: the compose file and the
 * {@code .env} beside it (absent for a stack that never had one).
 */
public record StackFiles(String directory, String composeFileName, String composeText,
                         Optional<String> envText, EnvFile env) {

    public String composePath() {
        return directory + "/" + composeFileName;
    }

    public String envPath() {
        return directory + "/.env";
    }

    /** The directory's last path element, which Compose uses for the project name. */
    public String directoryName() {
        String trimmed = directory.endsWith("/") && directory.length() > 1
                ? directory.substring(0, directory.length() - 1) : directory;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
