package app.slipway.core.policy;

import app.slipway.core.releases.Version;
import java.util.Locale;
import java.util.Optional;

/**
 * How big a step an update is, by semantic version: a new major number is a major step, a new
 * minor number a minor one, anything else (a new patch, or a prerelease to its release) a patch.
 * The numbers are compared as written, 0.x included. A policy's level is the largest step it allows.
 */
public enum UpdateLevel {
    PATCH, MINOR, MAJOR;

    /** The step from {@code from} to {@code to}. */
    public static UpdateLevel between(Version from, Version to) {
        if (!from.major().equals(to.major())) return MAJOR;
        if (!from.minor().equals(to.minor())) return MINOR;
        return PATCH;
    }

    /** True when a step of {@code step} is within this level. */
    public boolean allows(UpdateLevel step) {
        return step.ordinal() <= ordinal();
    }

    /** {@code patch}, {@code minor}, {@code major}: as policy.yml writes it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UpdateLevel> parse(String word) {
        for (UpdateLevel level : values()) {
            if (level.word().equals(word.strip().toLowerCase(Locale.ROOT))) return Optional.of(level);
        }
        return Optional.empty();
    }
}
