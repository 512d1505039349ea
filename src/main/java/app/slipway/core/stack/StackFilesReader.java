package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Finds and reads the compose file and {@code .env} of an install directory, refusing clearly. */
public final class StackFilesReader {
    /** The names Compose looks for, in its own order of preference. */
    public static final List<String> COMPOSE_FILE_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    private StackFilesReader() {}

    public static StackFiles read(Target target, String directory) {
        String dir = target.absolute(directory);
        Optional<FileInfo> info = target.stat(dir);
        if (info.isEmpty()) {
            throw SlipwayException.badInput("The directory " + dir + " does not exist on "
                    + target.describe() + ": check --dir.");
        }
        if (!info.get().directory()) {
            throw SlipwayException.badInput(dir + " on " + target.describe()
                    + " is a file, not a directory: --dir takes the install directory.");
        }
        String composeName = composeFileIn(target, dir)
                .orElseThrow(() -> SlipwayException.badInput("There is no compose file in " + dir
                        + " (looked for " + String.join(", ", COMPOSE_FILE_NAMES) + "): is this the install directory?"));
        String composeText = text(target.readFile(dir + "/" + composeName));
        // Parsing here makes a malformed file a clear refusal before anything else looks at it.
        ComposeFileEditor.serviceNames(composeText, composeName);

        Optional<String> envText = target.stat(dir + "/.env").isPresent()
                ? Optional.of(text(target.readFile(dir + "/.env")))
                : Optional.empty();
        EnvFile env = EnvFile.parse(envText.orElse(""));
        return new StackFiles(dir, composeName, composeText, envText, env);
    }

    /** The name of the compose file Compose would pick in {@code dir}, if there is one. */
    public static Optional<String> composeFileIn(Target target, String dir) {
        return COMPOSE_FILE_NAMES.stream()
                .filter(name -> target.stat(dir + "/" + name).map(f -> !f.directory()).orElse(false))
                .findFirst();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
