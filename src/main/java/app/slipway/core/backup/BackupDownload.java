package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code slipway backup --download ID --to DIR}: a backup copied from the target to this computer over
 * the run's own connection, each file streamed (never whole in memory) and its size and sha256 checked
 * against the manifest as it arrives. It goes into {@code DIR/ID.partial} and becomes {@code DIR/ID} only
 * once every file matched, so a copy that stopped half-way never looks complete; a copy that does not
 * match is removed. The folder is private to this user (0700, files 0600): it holds {@code .env}.
 */
public final class BackupDownload {
    private static final String PARTIAL = ".partial";

    /** Where the backup arrived, and how many bytes of files it took. */
    public record Arrived(Backup backup, Path folder, long bytes) {}

    /** @param progress told each file before it comes, in a sentence */
    public Arrived download(Target target, String dir, String id, Path into, Consumer<String> progress) {
        Backup listed = new BackupCatalog().find(target, dir, id);
        // The manifest this copy is checked against, and the one it carries, are the same bytes.
        byte[] manifestBytes = target.readFile(listed.pathOf(BackupManifest.FILE_NAME));
        BackupManifest manifest;
        try {
            manifest = ManifestJson.read(manifestBytes);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.refused("The manifest of backup " + id + " changed while it was read: run again.");
        }
        Backup backup = new Backup(listed.id(), listed.path(), manifest);
        for (BackupFile f : manifest.files()) requireSafeName(backup, f.name());

        Path base = into.toAbsolutePath().normalize();
        Path done = base.resolve(backup.id());
        Path partial = base.resolve(backup.id() + PARTIAL);
        prepare(base, done, partial);
        boolean arrived = false;
        try {
            long bytes = 0;
            for (BackupFile f : manifest.files()) {
                progress.accept("Downloading " + f.name() + " (" + BackupText.size(f.size()) + ")");
                bytes += fetch(target, backup, f, partial.resolve(f.name()), base);
            }
            Files.write(partial.resolve(BackupManifest.FILE_NAME), manifestBytes, StandardOpenOption.CREATE_NEW);
            restrict(partial.resolve(BackupManifest.FILE_NAME));
            moveIntoPlace(partial, done);
            arrived = true;
            return new Arrived(backup, done, bytes);
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot write the download of backup " + backup.id() + " in " + base + " on this"
                    + " computer (" + e.getMessage() + "): check that folder's space and permissions.", e);
        } finally {
            if (!arrived) removeQuietly(partial);
        }
    }

    /** Streams one file; its size and sha256 must be the manifest's. Returns its size. */
    private static long fetch(Target target, Backup backup, BackupFile f, Path local, Path base) throws IOException {
        MessageDigest sha256 = sha256();
        long[] count = new long[1];
        try (OutputStream file = Files.newOutputStream(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(counting(file, count), sha256)) {
            restrict(local);
            target.readFileInto(backup.pathOf(f.name()), out);
        }
        String sum = HexFormat.of().formatHex(sha256.digest());
        if (count[0] != f.size() || !sum.equals(f.sha256())) {
            throw SlipwayException.refused("The copy of " + f.name() + " from backup " + backup.id() + " does not match"
                    + " its manifest (" + (count[0] != f.size() ? count[0] + " bytes where the manifest says " + f.size()
                    : "another sha256") + "), so the backup on the target may be damaged; nothing was kept in " + base + ".");
        }
        return count[0];
    }

    /** {@code into} made if missing; the finished folder must not exist yet, a leftover partial one goes. */
    private static void prepare(Path base, Path done, Path partial) {
        try {
            if (Files.exists(base) && !Files.isDirectory(base)) {
                throw SlipwayException.badInput(base + " is a file, not a folder: choose another --to.");
            }
            Files.createDirectories(base);
            if (Files.exists(done, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw SlipwayException.badInput(done + " already exists on this computer: remove it, or choose another --to.");
            }
            removeTree(partial); // what an interrupted download left: it never passed its checks
            if (isPosix(base)) {
                Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(partial);
            }
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot make " + partial + " on this computer (" + e.getMessage()
                    + "): check the permissions of " + base + ".", e);
        }
    }

    private static void moveIntoPlace(Path partial, Path done) throws IOException {
        try {
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, done);
        } catch (FileAlreadyExistsException e) {
            throw SlipwayException.badInput(done + " appeared while the backup was downloading: remove it and run again.");
        }
    }

    /** A manifest names files inside its folder; anything else would write outside the download's folder. */
    private static void requireSafeName(Backup backup, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.equals(BackupManifest.FILE_NAME)) {
            throw SlipwayException.refused("The manifest of backup " + backup.id() + " names a file '" + name
                    + "' that cannot be in a backup folder; the backup is not downloaded.");
        }
    }

    private static void restrict(Path file) throws IOException {
        if (isPosix(file.getParent())) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static OutputStream counting(OutputStream out, long[] count) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                count[0] += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                count[0]++;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void removeTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void removeQuietly(Path path) {
        try {
            removeTree(path);
        } catch (IOException e) {
            // The failure that brought us here is the one to report; a .partial folder says what it is.
        }
    }
}
