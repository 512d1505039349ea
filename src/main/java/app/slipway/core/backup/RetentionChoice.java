package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which backups stay in {@code DIR/backups} and which go: the newest {@code keep} (the backup a run is
 * about to take counts as the newest), and, however old, the newest backup of each version that must
 * stay restorable (the one running) and the backup an interrupted run still needs. Decided from the
 * catalog alone, so {@code slipway plan} shows exactly what the run removes.
 *
 * @param removed newest first
 * @param spared  older than the newest {@code keep}, kept anyway, each with its reason
 */
public record RetentionChoice(int keep, List<Backup> kept, List<Spared> spared, List<Backup> removed) {
    /** The newest backups kept when neither {@code --keep} nor anything else says otherwise. */
    public static final int DEFAULT_KEEP = 10;

    /** A backup kept although it is not among the newest: {@code why} completes "kept because it is …". */
    public record Spared(Backup backup, String why) {}

    public RetentionChoice {
        kept = List.copyOf(kept);
        spared = List.copyOf(spared);
        removed = List.copyOf(removed);
    }

    /** {@code --keep N}: one at least, since the newest backup is the one a run has just taken. */
    public static int requireValidKeep(int keep) {
        if (keep < 1) {
            throw SlipwayException.badInput("--keep must be 1 or more (the backup just taken is always kept), not "
                    + keep + ".");
        }
        return keep;
    }

    /**
     * @param newestFirst   the backups there now, as {@link BackupCatalog#list} reads them
     * @param incoming      the version the backup about to be taken holds; empty when none is taken
     * @param mustRestore   versions that must keep a backup, each with what it is ("the version running");
     *                      "unknown" never counts
     * @param neededIds     backups never removed (the one an interrupted run's journal names)
     */
    public static RetentionChoice choose(List<Backup> newestFirst, int keep, Optional<String> incoming,
                                         Map<String, String> mustRestore, Set<String> neededIds) {
        requireValidKeep(keep);
        int slots = keep - (incoming.isPresent() ? 1 : 0);
        Set<String> restorable = new HashSet<>();
        incoming.ifPresent(restorable::add);
        List<Backup> kept = new ArrayList<>();
        List<Spared> spared = new ArrayList<>();
        List<Backup> removed = new ArrayList<>();
        for (Backup b : newestFirst) {
            String version = versionOf(b);
            if (slots > 0) {
                slots--;
                kept.add(b);
                restorable.add(version);
            } else if (neededIds.contains(b.id())) {
                spared.add(new Spared(b, "the backup of the interrupted run"));
                restorable.add(version);
            } else if (mustRestore.containsKey(version) && !version.equals(UNKNOWN) && restorable.add(version)) {
                spared.add(new Spared(b, "the only backup of " + version + ", " + mustRestore.get(version)));
            } else {
                removed.add(b);
            }
        }
        return new RetentionChoice(keep, kept, spared, removed);
    }

    /** The version a backup brings back: the one running when it was taken. */
    public static String versionOf(Backup backup) {
        String from = backup.manifest().from();
        return from == null || from.isBlank() ? UNKNOWN : from;
    }

    /** Bytes the removed backups' files take (as their manifests say). */
    public long freedBytes() {
        return removed.stream().mapToLong(b -> b.manifest().totalSize()).sum();
    }

    private static final String UNKNOWN = "unknown";
}
