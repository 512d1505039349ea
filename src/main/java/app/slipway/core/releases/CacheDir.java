package app.slipway.core.releases;

import java.nio.file.Path;
import java.util.function.Function;

/** Where Slipway caches what it fetched or asked: releases: {@code $SLIPWAY_CACHE_DIR/releases}, else {@code ~/.cache/slipway/releases}. */
public final class CacheDir {
    public static final String ENV = "SLIPWAY_CACHE_DIR";

    private CacheDir() {}

    public static Path releases(Function<String, String> env) {
        return base(env).resolve("releases");
    }

    /** {@code $SLIPWAY_CACHE_DIR}, else {@code ~/.cache/slipway}. */
    public static Path base(Function<String, String> env) {
        String dir = env.apply(ENV);
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "slipway") : Path.of(dir);
    }
}
