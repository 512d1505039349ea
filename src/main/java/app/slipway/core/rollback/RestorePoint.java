package app.slipway.core.rollback;

import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupCatalog;
import app.slipway.core.backup.ImagesFile;
import app.slipway.core.state.ImageInUse;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.Snapshot;
import app.slipway.core.host.Target;
import java.util.List;
import java.util.Optional;

/**
 * Where a rollback returns to: the version, the exact bytes of the compose file and .env, the
 * images that ran, and the backup whose data can be restored. Taken from a named backup, from the
 * snapshot an interrupted run left, or from the newest backup.
 */
record RestorePoint(String version, String source, String composeFileName, byte[] compose, Optional<byte[]> env,
                    List<ImageInUse> images, Optional<Backup> backup) {

    static RestorePoint choose(Target target, String dir, Optional<String> backupId, Optional<JournalEntry> journal) {
        var catalog = new BackupCatalog();
        if (backupId.isPresent()) {
            return fromBackup(target, catalog.find(target, dir, backupId.get()));
        }
        if (journal.isPresent()) {
            Snapshot snapshot = Snapshot.load(target, dir).orElseThrow(() -> SlipwayException.refused(
                    "The interrupted run left no snapshot in " + dir + "/.slipway: name a backup with --backup."));
            Optional<Backup> backup = Optional.ofNullable(journal.get().backupId())
                    .map(id -> catalog.find(target, dir, id));
            return new RestorePoint(journal.get().from(), "the snapshot taken before the interrupted run",
                    snapshot.composeFileName(), snapshot.composeBytes(), snapshot.envBytes(), snapshot.images(), backup);
        }
        Backup latest = catalog.latestBeforeAChange(target, dir).orElseThrow(() -> SlipwayException.badInput(
                catalog.latest(target, dir).isPresent()
                        ? "There is no backup taken before an upgrade in " + dir + "/backups, only manual ones: name one"
                                + " with --backup (slipway backups --dir " + dir + " lists them)."
                        : "There is no backup in " + dir + "/backups to roll back to, and no interrupted run to undo."));
        return fromBackup(target, latest);
    }

    private static RestorePoint fromBackup(Target target, Backup backup) {
        var m = backup.manifest();
        byte[] compose = target.readFile(backup.pathOf(m.composeFile()));
        Optional<byte[]> env = m.envFile().map(name -> target.readFile(backup.pathOf(name)));
        List<ImageInUse> images = ImagesFile.read(target, backup).stream()
                .map(i -> new ImageInUse(i.service(), i.image(), i.imageId(), i.repoDigest().orElse(null)))
                .toList();
        return new RestorePoint(m.from(), "backup " + backup.id(), m.composeFile(), compose, env, images,
                Optional.of(backup));
    }
}
