package app.slipway.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Writes {@code file} whole or not at all: a reader never sees half of it, a crash never leaves half. */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
