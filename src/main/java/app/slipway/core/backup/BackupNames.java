package app.slipway.core.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Names inside {@code DIR/backups}: folder ids and the archive files of one backup. */
final class BackupNames {
    static final String ENV = ".env";
    static final String IMAGES = "images.json";
    static final String DUMP = "postgres.dump";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupNames() {}

    /** {@code 20250301T101500Z-1.4.1-to-1.4.2}; the versions reduced to characters safe in a file name. */
    static String id(Instant at, String from, String to) {
        return STAMP.format(at) + "-" + safe(from) + "-to-" + safe(to);
    }

    /** {@code 20250301T101500Z-1.4.1-manual}: a backup taken on demand ({@code slipway backup}) of the stack on 1.4.1. */
    static String manualId(Instant at, String version) {
        return STAMP.format(at) + "-" + safe(version) + "-manual";
    }

    /** {@code 20250301T101500Z-install}: the files a re-run of install replaced. */
    static String installId(Instant at) {
        return STAMP.format(at) + "-install";
    }

    /** The n-th candidate for a folder name: the id itself, then {@code id-2}, {@code id-3}… */
    static String candidate(String id, int n) {
        return n <= 1 ? id : id + "-" + n;
    }

    /** {@code volume-web-rails-storage.tar}, unique among {@code taken}. */
    static String volumeArchive(String service, String path, Set<String> taken) {
        return unique("volume-" + slug(service) + "-" + slug(path), ".tar", taken);
    }

    /** {@code directory-data-pglite.tar}, unique among {@code taken}. */
    static String directoryArchive(String path, Set<String> taken) {
        return unique("directory-" + slug(path), ".tar", taken);
    }

    private static String unique(String base, String ext, Set<String> taken) {
        String name = base + ext;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n + ext;
        }
        taken.add(name);
        return name;
    }

    /**
     * {@code /rails/storage} → {@code rails-storage}: path segments joined by dashes ({@code .} and empty
     * ones dropped), runs of other characters one dash, never a leading dot or dash.
     */
    static String slug(String text) {
        var segments = java.util.Arrays.stream(text.split("/"))
                .filter(seg -> !seg.isEmpty() && !seg.equals("."))
                .toList();
        String s = String.join("-", segments).replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() ? "root" : s;
    }

    /** A version as it may appear in a folder name; versions are [A-Za-z0-9._-] already once validated. */
    private static String safe(String version) {
        if (version == null || version.isBlank()) return "unknown";
        String s = version.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
