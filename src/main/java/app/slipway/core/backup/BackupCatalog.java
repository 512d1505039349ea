package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backups of an install directory, read from their manifests in {@code DIR/backups}. A folder
 * without a readable manifest is not a backup (an interrupted one, or something else) and is ignored.
 */
public final class BackupCatalog {
    private static final Comparator<Backup> NEWEST_FIRST = Comparator
            .comparing((Backup b) -> b.manifest().createdAt())
            .thenComparing(Backup::id)
            .reversed();

    /** Every backup of the install directory {@code dir}, newest first; empty when there are none. */
    public List<Backup> list(Target target, String dir) {
        String backupsDir = backupsDir(target, dir);
        if (!target.stat(backupsDir).map(FileInfo::directory).orElse(false)) return List.of();
        List<Backup> backups = new ArrayList<>();
        for (String name : target.list(backupsDir)) {
            read(target, backupsDir, name).ifPresent(backups::add);
        }
        backups.sort(NEWEST_FIRST);
        return backups;
    }

    /** The backup with that id; an unknown id is bad input, naming the ones there are. */
    public Backup find(Target target, String dir, String id) {
        String backupsDir = backupsDir(target, dir);
        Optional<Backup> found = id.isEmpty() || id.contains("/") || id.startsWith(".")
                ? Optional.empty() : read(target, backupsDir, id);
        if (found.isEmpty() && !id.isEmpty() && !id.contains("/") && !id.startsWith(".")
                && target.stat(backupsDir + "/" + id).map(FileInfo::directory).orElse(false)) {
            throw SlipwayException.badInput("The folder " + backupsDir + "/" + id + " has no readable "
                    + BackupManifest.FILE_NAME + " (an interrupted backup?): choose another backup with --backup.");
        }
        return found.orElseThrow(() -> {
            List<String> known = list(target, dir).stream().map(Backup::id).limit(5).toList();
            return SlipwayException.badInput("No backup '" + id + "' in " + backupsDir + ": slipway backups --dir "
                    + dir + " lists the backups there" + (known.isEmpty()
                    ? " (there are none)." : "; the newest are " + String.join(", ", known) + "."));
        });
    }

    public Optional<Backup> latest(Target target, String dir) {
        return list(target, dir).stream().findFirst();
    }

    /**
     * The newest backup taken before a change (an upgrade's or an install's), which is where a plain
     * {@code rollback} goes: a manual one ({@code slipway backup}) holds the version running now.
     */
    public Optional<Backup> latestBeforeAChange(Target target, String dir) {
        return list(target, dir).stream().filter(b -> !BackupSummary.kindOf(b.id()).equals("manual")).findFirst();
    }

    /**
     * Recomputes every file's sha256 on the target and compares it, and the size, with the manifest;
     * refuses (exit 3) naming the first file that is missing or differs.
     */
    public void verify(Target target, Backup backup) {
        List<BackupFile> files = backup.manifest().files();
        Map<String, String> sums = Checksums.sha256(target, backup.path(), files.stream().map(BackupFile::name).toList());
        for (BackupFile f : files) {
            Optional<FileInfo> info = target.stat(backup.pathOf(f.name()));
            if (info.isEmpty() || !sums.containsKey(f.name())) {
                throw SlipwayException.refused("Backup " + backup.id() + " is incomplete: " + backup.pathOf(f.name())
                        + " is missing; choose another backup with --backup.");
            }
            if (info.get().size() != f.size() || !sums.get(f.name()).equals(f.sha256())) {
                throw SlipwayException.refused("Backup " + backup.id() + " is damaged: " + backup.pathOf(f.name())
                        + " no longer matches the checksum in its manifest; choose another backup with --backup.");
            }
        }
    }

    private static String backupsDir(Target target, String dir) {
        return target.absolute(dir) + "/backups";
    }

    private static Optional<Backup> read(Target target, String backupsDir, String name) {
        String folder = backupsDir + "/" + name;
        String manifestPath = folder + "/" + BackupManifest.FILE_NAME;
        if (!target.stat(folder).map(FileInfo::directory).orElse(false)) return Optional.empty();
        if (!target.stat(manifestPath).map(f -> !f.directory()).orElse(false)) return Optional.empty();
        try {
            BackupManifest manifest = ManifestJson.read(target.readFile(manifestPath));
            // The folder's name is the id that --backup takes, even if the manifest was copied around.
            return Optional.of(new Backup(name, folder, manifest));
        } catch (IllegalArgumentException | SlipwayException unreadable) {
            return Optional.empty();
        }
    }
}
