package app.slipway.core.state;

import java.nio.file.Path;

/**
 * Where this machine keeps what Slipway remembers of things that have no stack directory of their
 * own (fleets, ECS clusters): {@code $XDG_STATE_HOME/slipway}, else {@code ~/.local/state/slipway}.
 */
public final class StateHome {
    private StateHome() {}

    public static Path base() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("slipway");
    }
}
