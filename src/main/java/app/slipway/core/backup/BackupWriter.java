package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;

import app.slipway.core.Connection;
import app.slipway.core.profile.BackupSpec;
import app.slipway.core.profile.VolumeArchive;
import app.slipway.core.events.RunListener;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.stack.StackState;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the pre-change snapshot of README §How an upgrade works step 4 into {@code DIR/backups/<UTC stamp>-<from>-to-<to>/}:
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

    /** The backup before an upgrade; then its restore drill when the profile asks ({@link RestoreDrill#ifAsked}). */
    public Backup write(Connection connection, StackState stack, String from, String to, RunListener listener) {
        Instant now = clock.instant();
        Backup backup = write(connection, stack.files(), SecretRedactor.forStack(stack), BackupNames.id(now, from, to),
                listener, (folder, id, commands) -> fill(connection, stack, from, to, now, id, folder, commands));
        return RestoreDrill.ifAsked(connection, stack, backup, listener);
    }

    /**
     * The same backup on demand ({@code slipway backup}), into {@code DIR/backups/<UTC stamp>-<version>-manual/}:
     * the manifest says {@code from} and {@code to} are both the version it holds.
     */
    public Backup writeOnDemand(Connection connection, StackState stack, String version, RunListener listener) {
        Instant now = clock.instant();
        Backup backup = write(connection, stack.files(), SecretRedactor.forStack(stack), BackupNames.manualId(now, version),
                listener, (folder, id, commands) -> fill(connection, stack, version, version, now, id, folder, commands));
        return RestoreDrill.ifAsked(connection, stack, backup, listener);
    }

    /**
     * The files-only backup a re-run of {@code install} takes before it rewrites them, into
     * {@code DIR/backups/<UTC stamp>-install/}: {@code .env}, the compose file, {@code images.json}
     * and the manifest, so {@code slipway rollback} lists it like any other.
     */
    public Backup writeFiles(Connection connection, StackFiles files, String project, String product, String from,
                             String to, RunListener listener) {
        Instant now = clock.instant();
        return write(connection, files, new SecretRedactor(files.env().values(), java.util.Set.of()),
                BackupNames.installId(now), listener, (folder, id, commands) -> {
            List<String> names = new ArrayList<>();
            Optional<String> envFile = copyFiles(connection.target(), files, folder, names, commands);
            connection.target().writeFileAtomically(folder + "/" + BackupNames.IMAGES,
                    ImagesFile.write(ImagesFile.capture(connection, project)), 0600);
            names.add(BackupNames.IMAGES);
            List<BackupFile> described = Checksums.describe(connection.target(), folder, names);
            return new BackupManifest(id, product, from, to, now, files.composeFileName(), envFile, described,
                    Optional.empty(), List.of(), List.of());
        });
    }

    private interface Filler {
        BackupManifest fill(String folder, String id, LoggedCommands commands);
    }

    private static Backup write(Connection connection, StackFiles files, SecretRedactor redactor, String wantedId,
                                RunListener listener, Filler filler) {
        Target target = connection.target();
        LoggedCommands commands = new LoggedCommands(target, redactor, listener, "backup");
        String backupsDir = files.directory() + "/backups";
        String id = BackupFolder.claim(target, backupsDir, wantedId);
        String folder = backupsDir + "/" + id;
        commands.log("Backing up into " + folder);
        boolean done = false;
        try {
            BackupManifest manifest = filler.fill(folder, id, commands);
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
        BackupSpec spec = stack.backupSpec();
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(BackupNames.ENV, BackupNames.IMAGES, BackupNames.DUMP,
                BackupManifest.FILE_NAME, stack.files().composeFileName()));

        Optional<String> envFile = copyFiles(target, stack.files(), folder, names, commands);
        String composeName = stack.files().composeFileName();

        target.writeFileAtomically(folder + "/" + BackupNames.IMAGES,
                ImagesFile.write(ImagesFile.capture(connection, stack.project())), 0600);
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

    /** {@code .env} (when there is one) and the compose file, byte for byte, mode 0600; names what it wrote. */
    private static Optional<String> copyFiles(Target target, StackFiles files, String folder, List<String> names,
                                              LoggedCommands commands) {
        Optional<String> envFile = Optional.empty();
        if (target.stat(files.envPath()).isPresent()) {
            target.writeFileAtomically(folder + "/" + BackupNames.ENV, target.readFile(files.envPath()), 0600);
            names.add(BackupNames.ENV);
            envFile = Optional.of(BackupNames.ENV);
        } else {
            commands.log("No .env in " + files.directory() + ": nothing to copy");
        }
        target.writeFileAtomically(folder + "/" + files.composeFileName(), target.readFile(files.composePath()), 0600);
        names.add(files.composeFileName());
        return envFile;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
