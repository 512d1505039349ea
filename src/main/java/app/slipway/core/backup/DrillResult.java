package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a restore drill of a backup found ({@link RestoreDrill}); kept in the backup's manifest
 * under {@code drill}.
 *
 * @param passed         the dump restored and every table holds the rows it held when dumped
 * @param at             when the drill started
 * @param image          the PostgreSQL image the throwaway container ran, e.g. {@code postgres:16 (sha256:…)}
 * @param tablesCompared tables whose row counts were compared; 0 for a backup that recorded none
 * @param rowsRestored   rows in the restored copy, all tables together
 * @param mismatches     the tables whose rows differ, in table order
 * @param summary        one sentence saying what was found, for people
 */
public record DrillResult(String backupId, boolean passed, Instant at, Duration took, String image,
                          int tablesCompared, long rowsRestored, List<RowMismatch> mismatches, String summary) {
    public DrillResult {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
        took = took == null ? Duration.ZERO : Duration.ofMillis(took.toMillis()); // as the manifest keeps it
        image = image == null ? "" : image;
        mismatches = List.copyOf(mismatches);
    }

    /**
     * The last drill recorded in the backup's manifest, read from the target now (a drill may have run
     * since the backup was listed); null when none ran or the manifest cannot be read.
     */
    public static DrillResult read(Target target, Backup backup) {
        try {
            return ManifestJson.read(target.readFile(backup.pathOf(BackupManifest.FILE_NAME))).drill()
                    .map(d -> new DrillResult(backup.id(), d.passed(), d.at(), d.took(), d.image(), d.tablesCompared(),
                            d.rowsRestored(), d.mismatches(), d.summary()))
                    .orElse(null);
        } catch (IllegalArgumentException | SlipwayException unreadable) {
            return null;
        }
    }

    /** "passed" or "failed", as the manifest and {@code --json} say it. */
    public String word() {
        return passed ? "passed" : "failed";
    }
}
