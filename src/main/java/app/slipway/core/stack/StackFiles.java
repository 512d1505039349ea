package app.slipway.core.stack;

import java.util.List;
import java.util.Optional;

/**
 * The files of an install directory as read from the target: the compose file and the
 * {@code .env} beside it (absent for a stack that never had one), and every compose file Compose
 * itself would read there: {@code COMPOSE_FILE} from {@code .env}, else the file and its
 * {@code *.override.*} beside it.
 *
 * @param composeFileName the primary compose file, the one Slipway edits
 * @param composeFiles    the whole set, primary first, as {@code -f} arguments relative to the directory
 */
public record StackFiles(String directory, String composeFileName, String composeText,
                         Optional<String> envText, EnvFile env, List<String> composeFiles) {

    public StackFiles {
        composeFiles = List.copyOf(composeFiles);
    }

    /** A stack of one compose file. */
    public StackFiles(String directory, String composeFileName, String composeText, Optional<String> envText, EnvFile env) {
        this(directory, composeFileName, composeText, envText, env, List.of(composeFileName));
    }

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
