package app.slipway.core.registry;

import app.slipway.core.host.Target;

/** Reads {@code config.json} from a Docker config directory on the target; a missing file is an empty config. */
final class DockerConfigFile {
    private DockerConfigFile() {}

    static DockerConfig read(Target target, String directory, LoginPlace place) {
        String path = directory.endsWith("/") ? directory + "config.json" : directory + "/config.json";
        if (target.stat(path).filter(f -> !f.directory()).isEmpty()) return DockerConfig.EMPTY;
        return DockerConfig.parse(target.readFile(path), path, place);
    }
}
