package app.slipway.core.compose;

import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import app.slipway.core.releases.CacheDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Compose v1's version, remembered per target and binary: {@code docker-compose version} is a
 * Python start (about a second of CPU on a small server) paid by every command, while the same file
 * — same path, size and modification time — always answers the same. Asking for the file's
 * identity is one {@code stat}. Kept in {@code ~/.cache/slipway/compose-versions.properties}.
 */
final class ComposeVersionCache {
    private static final String FILE = "compose-versions.properties";

    private ComposeVersionCache() {}

    /** The v1 binary's identity on {@code target} ({@code /usr/bin/docker-compose 31337 1700000000}), if it has one. */
    static Optional<String> identity(Target target) {
        ExecResult r = target.exec(Command.of("sh", "-c",
                "p=$(command -v docker-compose) && stat -L -c '%n %s %Y' \"$p\""));
        return r.ok() && !r.stdout().isBlank() ? Optional.of(r.stdout().strip()) : Optional.empty();
    }

    static Optional<String> lookup(Target target, String identity) {
        return Optional.ofNullable(load().getProperty(key(target, identity)));
    }

    static void remember(Target target, String identity, String version) {
        Properties all = load();
        all.setProperty(key(target, identity), version);
        Path file = file();
        try {
            var out = new java.io.ByteArrayOutputStream();
            all.store(out, "docker-compose versions by target and binary (path size mtime); safe to delete");
            app.slipway.core.state.StateHome.writeAtomically(file, out.toByteArray());
        } catch (IOException ignored) {
            // a cache that cannot be written costs the next command one Compose start, nothing more
        }
    }

    private static String key(Target target, String identity) {
        return target.describe() + " " + identity;
    }

    private static Properties load() {
        var all = new Properties();
        Path file = file();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                all.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // unreadable: asked again, and rewritten
            }
        }
        return all;
    }

    private static Path file() {
        return CacheDir.base(System::getenv).resolve(FILE);
    }
}
