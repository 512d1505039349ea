package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ArrayList;
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
        Optional<String> envText = target.stat(dir + "/.env").isPresent()
                ? Optional.of(text(target.readFile(dir + "/.env")))
                : Optional.empty();
        EnvFile env = EnvFile.parse(envText.orElse(""));
        List<String> fromEnv = composeFileVariable(env);
        if (!fromEnv.isEmpty()) {
            String primary = fromEnv.get(0);
            if (target.stat(resolve(dir, primary)).map(f -> f.directory()).orElse(true)) {
                throw SlipwayException.badInput("COMPOSE_FILE in " + dir + "/.env names " + primary
                        + ", which is not there: fix COMPOSE_FILE or --dir.");
            }
            String composeText = text(target.readFile(resolve(dir, primary)));
            ComposeFileEditor.serviceNames(composeText, primary);
            return new StackFiles(dir, primary, composeText, envText, env, fromEnv);
        }
        String composeName = composeFileIn(target, dir)
                .orElseThrow(() -> SlipwayException.badInput("There is no compose file in " + dir
                        + " (looked for " + String.join(", ", COMPOSE_FILE_NAMES) + "): is this the install directory?"));
        String composeText = text(target.readFile(dir + "/" + composeName));
        // Parsing here makes a malformed file a clear refusal before anything else looks at it.
        ComposeFileEditor.serviceNames(composeText, composeName);
        var all = new ArrayList<String>();
        all.add(composeName);
        overrideOf(composeName).filter(o -> target.stat(dir + "/" + o).map(f -> !f.directory()).orElse(false))
                .ifPresent(all::add);
        return new StackFiles(dir, composeName, composeText, envText, env, all);
    }

    /** {@code COMPOSE_FILE} from .env, split as Compose splits it; empty when unset. */
    static List<String> composeFileVariable(EnvFile env) {
        String value = env.get("COMPOSE_FILE").map(String::strip).orElse("");
        if (value.isEmpty()) return List.of();
        String separator = env.get("COMPOSE_PATH_SEPARATOR").filter(s -> !s.isEmpty()).orElse(":");
        return java.util.Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The override file Compose reads beside a primary file: {@code compose.yaml} → {@code compose.override.yaml}. */
    static Optional<String> overrideOf(String primary) {
        int dot = primary.lastIndexOf('.');
        if (dot <= 0 || primary.contains("/")) return Optional.empty();
        return Optional.of(primary.substring(0, dot) + ".override" + primary.substring(dot));
    }

    private static String resolve(String dir, String file) {
        return file.startsWith("/") ? file : dir + "/" + file;
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
