package app.slipway.core.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code slipway backups}: a backup as its manifest describes it — the version it brings
 * back, its size, its parts, and the checks it passed.
 *
 * @param kind      {@code upgrade} (taken before one), {@code manual} ({@code slipway backup}) or
 *                  {@code install} (the files a re-run of install replaced), read from the folder's name
 * @param version   the version it brings back: the one running when it was taken
 * @param dumpCheck {@code passed} when it holds a dump (a dump is kept only once {@code pg_restore -l}
 *                  has read it back), {@code no dump} otherwise
 * @param drill     the last restore drill of its dump, as its manifest records it; empty when never drilled
 */
public record BackupSummary(String id, String path, Instant createdAt, String kind, String version, String product,
                            long sizeBytes, Contents contents, String dumpCheck, Optional<DrillResult> drill) {
    public static final String DUMP_PASSED = "passed";
    public static final String NO_DUMP = "no dump";
    public static final String NOT_DRILLED = "not drilled";

    /**
     * The parts of a backup.
     *
     * @param database  the database its dump holds, when there is one
     * @param volumes   {@code service:path} of each volume archive
     * @param directories each archived directory, relative to the install directory
     */
    public record Contents(boolean env, String composeFile, boolean images, Optional<String> database,
                           List<String> volumes, List<String> directories) {
        public Contents {
            volumes = List.copyOf(volumes);
            directories = List.copyOf(directories);
        }

        /** {@code .env, docker-compose.yml, images, dump of fixture, volume web:/data/storage}. */
        public String words() {
            var parts = new ArrayList<String>();
            if (env) parts.add(".env");
            parts.add(composeFile);
            if (images) parts.add("images");
            database.ifPresent(d -> parts.add("dump of " + d));
            volumes.forEach(v -> parts.add("volume " + v));
            directories.forEach(d -> parts.add("directory " + d));
            return String.join(", ", parts);
        }
    }

    /** What a backup's manifest says. */
    public static BackupSummary of(Backup backup) {
        BackupManifest m = backup.manifest();
        var contents = new Contents(m.envFile().isPresent(), m.composeFile(), m.file(BackupNames.IMAGES).isPresent(),
                m.database().map(DatabaseEntry::database),
                m.volumes().stream().map(v -> v.service() + ":" + v.path()).toList(),
                m.directories().stream().map(DirectoryEntry::path).toList());
        return new BackupSummary(backup.id(), backup.path(), m.createdAt(), kindOf(backup.id()),
                RetentionChoice.versionOf(backup), m.product(), m.totalSize(), contents,
                m.database().isPresent() ? DUMP_PASSED : NO_DUMP, m.drill());
    }

    /** Every backup of the install directory, newest first. */
    public static List<BackupSummary> list(app.slipway.core.host.Target target, String dir) {
        return new BackupCatalog().list(target, dir).stream().map(BackupSummary::of).toList();
    }

    /** {@code passed}, {@code failed} or {@code not drilled}. */
    public String drillWord() {
        return drill.map(DrillResult::word).orElse(NOT_DRILLED);
    }

    /** From the folder's name, as {@link BackupNames} makes them (a {@code -2} suffix for a second in the same second). */
    static String kindOf(String id) {
        if (id.matches(".*-manual(-\\d+)?")) return "manual";
        if (id.matches("\\d{8}T\\d{6}Z-install(-\\d+)?")) return "install";
        return "upgrade";
    }
}
