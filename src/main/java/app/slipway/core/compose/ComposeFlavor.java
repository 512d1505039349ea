package app.slipway.core.compose;

import java.util.List;

/** The two Compose CLIs Slipway drives: the v2 plugin and the Python v1 binary. */
public enum ComposeFlavor {
    V2(List.of("docker", "compose"), "docker compose"),
    V1(List.of("docker-compose"), "docker-compose");

    private final List<String> executable;
    private final String displayName;

    ComposeFlavor(List<String> executable, String displayName) {
        this.executable = executable;
        this.displayName = displayName;
    }

    /** The leading arguments of every command of this flavor. */
    public List<String> executable() {
        return executable;
    }

    public String displayName() {
        return displayName;
    }
}
