package app.slipway.core.compose;

import java.util.Locale;
import java.util.Map;

/**
 * The Compose project name of an install directory, computed the way Compose does, so that
 * containers can be found by their {@code com.docker.compose.project} label.
 */
public final class ProjectName {
    private ProjectName() {}

    /** COMPOSE_PROJECT_NAME from .env wins; else the directory's base name, normalised. */
    public static String of(String directoryName, Map<String, String> env) {
        String explicit = env.get("COMPOSE_PROJECT_NAME");
        String raw = explicit != null && !explicit.isBlank() ? explicit : directoryName;
        return normalise(raw);
    }

    static String normalise(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).replaceAll("[^-_a-z0-9]", "");
        // v2 also drops leading '-' and '_'; v1 never produces them from a real directory name.
        return lower.replaceFirst("^[-_]+", "");
    }
}
