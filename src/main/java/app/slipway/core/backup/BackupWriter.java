package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.profile.BackupSpec;
import app.slipway.core.profile.VolumeArchive;
import app.slipway.core.events.RunListener;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the pre-change snapshot of SPEC §4 step 4 into {@code DIR/backups/<UTC stamp>-<from>-to-<to>/}:
 * {@code .env} (0600) and the compose file byte for byte, {@code images.json}, a checked
 * {@code pg_dump -Fc}, a tar per volume path, a tar per host directory (services stopped meanwhile),
 * and {@code manifest.json} with every file's size and sha256. Big files are made and hashed on the
 * target; only the small text files travel over the connection.
 *
 * <p>The manifest is written last: a folder without one is an incomplete backup. On failure the
 * folder is removed and the failure, a refusal, goes to the caller.
 */
public final class BackupWriter {
    private final Clock clock;

    public BackupWriter() {
        this(Clock.systemUTC());
    }

    public BackupWriter(Clock clock) {
        this.clock = clock;
    }

    public Backup write(Connection connection, StackState stack, String from, String to, RunListener listener) {
        Target target = connection.target();
        LoggedCommands commands = LoggedCommands.forStack(target, stack, listener, "backup");
        Instant now = clock.instant();
        String backupsDir = stack.files().directory() + "/backups";
        String id = BackupFolder.claim(target, backupsDir, BackupNames.id(now, from, to));
        String folder = backupsDir + "/" + id;
        commands.log("Backing up into " + folder);
        boolean done = false;
        try {
            BackupManifest manifest = fill(connection, stack, from, to, now, id, folder, commands);
            target.writeFileAtomically(folder + "/" + BackupManifest.FILE_NAME, ManifestJson.write(manifest), 0600);
            commands.log("Backup " + id + " complete: " + manifest.files().size() + " files, "
                    + megabytes(manifest.totalSize()) + " MB");
            done = true;
            return new Backup(id, folder, manifest);
        } finally {
            if (!done) {
                commands.log("Removing the incomplete backup " + folder);
                BackupFolder.discard(target, folder);
            }
        }
    }

    private static BackupManifest fill(Connection connection, StackState stack, String from, String to, Instant now,
                                       String id, String folder, LoggedCommands commands) {
        Target target = connection.target();
        BackupSpec spec = stack.profile().backup();
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(BackupNames.ENV, BackupNames.IMAGES, BackupNames.DUMP,
                BackupManifest.FILE_NAME, stack.files().composeFileName()));

        Optional<String> envFile = Optional.empty();
        if (target.stat(stack.files().envPath()).isPresent()) {
            target.writeFileAtomically(folder + "/" + BackupNames.ENV, target.readFile(stack.files().envPath()), 0600);
            names.add(BackupNames.ENV);
            envFile = Optional.of(BackupNames.ENV);
        } else {
            commands.log("No .env in " + stack.files().directory() + ": nothing to copy");
        }
        String composeName = stack.files().composeFileName();
        target.writeFileAtomically(folder + "/" + composeName, target.readFile(stack.files().composePath()), 0600);
        names.add(composeName);

        target.writeFileAtomically(folder + "/" + BackupNames.IMAGES,
                ImagesFile.write(ImagesFile.capture(connection, stack)), 0600);
        names.add(BackupNames.IMAGES);

        Optional<DatabaseEntry> database = spec.postgres()
                .map(pg -> DatabaseDump.dump(connection, stack, pg, folder, commands));
        database.ifPresent(d -> names.add(d.file()));

        List<VolumeEntry> volumes = new ArrayList<>();
        for (VolumeArchive v : spec.volumes()) {
            String fileName = BackupNames.volumeArchive(v.service(), v.path(), taken);
            volumes.add(VolumeArchiver.archive(connection, stack, v, folder, fileName, commands));
            names.add(fileName);
        }

        List<DirectoryEntry> directories =
                DirectoryArchiver.archive(connection, stack, spec.directories(), folder, taken, commands);
        directories.forEach(d -> names.add(d.file()));

        commands.log("Computing checksums of " + names.size() + " files");
        List<BackupFile> files = Checksums.describe(target, folder, names);
        return new BackupManifest(id, stack.profile().name(), from, to, now, composeName, envFile, files,
                database, volumes, directories);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
