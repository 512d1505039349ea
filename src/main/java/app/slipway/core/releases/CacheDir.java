package app.slipway.core.releases;

import java.nio.file.Path;
import java.util.function.Function;

/** Where fetched releases are cached: {@code $SLIPWAY_CACHE_DIR/releases}, else {@code ~/.cache/slipway/releases}. */
public final class CacheDir {
    public static final String ENV = "SLIPWAY_CACHE_DIR";

    private CacheDir() {}

    public static Path releases(Function<String, String> env) {
        String dir = env.apply(ENV);
        Path base = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "slipway")
                : Path.of(dir);
        return base.resolve("releases");
    }
}
