package app.slipway.core.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A backup's size and time as people read them, in the units the backup log uses (1 MB = 1024 × 1024 bytes). */
public final class BackupText {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private BackupText() {}

    /** {@code 12.3 MB}, {@code 2.1 GB}; under a megabyte {@code 4.0 KB}. */
    public static String size(long bytes) {
        double kb = bytes / 1024.0;
        if (kb < 1024) return String.format(Locale.ROOT, "%.1f KB", kb);
        double mb = kb / 1024.0;
        if (mb < 1024) return String.format(Locale.ROOT, "%.1f MB", mb);
        return String.format(Locale.ROOT, "%.1f GB", mb / 1024.0);
    }

    /** {@code 2026-11-25 12:03 UTC}. */
    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /** A recorded ISO time the same way; {@code missing} without one, as it is when an older Slipway wrote another form. */
    public static String when(String iso, String missing) {
        if (iso == null || iso.isBlank()) return missing;
        try {
            return when(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
