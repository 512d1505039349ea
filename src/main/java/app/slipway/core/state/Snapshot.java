package app.slipway.core.state;

import app.slipway.core.SlipwayException;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The stack as it was before a change ({@code DIR/.slipway/snapshot/}): byte-for-byte copies of
 * {@code .env} (when there is one) and the compose file with their modes, and the images the
 * services ran. The automatic rollback restores from it.
 *
 * <p>Layout: {@code snapshot.json} (what was copied, modes, sizes, sha256; written last, so a take
 * that was interrupted leaves no snapshot rather than half of one), {@code images.json}, the copy
 * of {@code .env} and the copy of the compose file under its own name. Copies are mode 0600:
 * {@code .env} holds secrets.
 */
public final class Snapshot {
    static final String DIR_NAME = "snapshot";
    static final String META = "snapshot.json";
    static final String IMAGES = "images.json";
    static final String ENV_COPY = ".env";

    /** snapshot.json */
    record Meta(int format, String takenAt, String composeFileName, String composeCopy, int composeMode,
                long composeSize, String composeSha256, boolean envExisted, Integer envMode, Long envSize,
                String envSha256) {}

    private final String directory;
    private final Meta meta;
    private final byte[] compose;
    private final byte[] env;
    private final List<ImageInUse> images;

    private Snapshot(String directory, Meta meta, byte[] compose, byte[] env, List<ImageInUse> images) {
        this.directory = directory;
        this.meta = meta;
        this.compose = compose;
        this.env = env;
        this.images = List.copyOf(images);
    }

    /**
     * Copies the stack's {@code .env} and compose file as they are on the target now (their bytes,
     * not {@code files}' decoded text) and records {@code images}. Replaces an earlier snapshot.
     */
    public static Snapshot take(Target t, StackFiles files, List<ImageInUse> images) {
        String dir = t.absolute(files.directory());
        String snap = snapshotDir(dir);
        String composePath = dir + "/" + files.composeFileName();
        String envPath = dir + "/.env";

        FileInfo composeInfo = t.stat(composePath).orElseThrow(() -> SlipwayException.refused(
                "Cannot snapshot " + composePath + " on " + t.describe() + ": it is gone."));
        byte[] composeBytes = t.readFile(composePath);
        Optional<FileInfo> envInfo = t.stat(envPath);
        byte[] envBytes = envInfo.isPresent() ? t.readFile(envPath) : null;

        t.mkdirs(snap);
        // Invalidate the previous snapshot first: until the new snapshot.json lands there is none.
        StateFiles.remove(t, snap + "/" + META);
        String composeCopy = copyName(files.composeFileName());
        t.writeFileAtomically(snap + "/" + composeCopy, composeBytes, 0600);
        if (envBytes != null) {
            t.writeFileAtomically(snap + "/" + ENV_COPY, envBytes, 0600);
        } else {
            StateFiles.remove(t, snap + "/" + ENV_COPY);
        }
        t.writeFileAtomically(snap + "/" + IMAGES, StateFiles.pretty(List.copyOf(images)), 0644);
        Meta meta = new Meta(1, StateFiles.now(), files.composeFileName(), composeCopy, composeInfo.mode(),
                composeBytes.length, sha256(composeBytes), envBytes != null,
                envInfo.map(FileInfo::mode).orElse(null), envBytes == null ? null : (long) envBytes.length,
                envBytes == null ? null : sha256(envBytes));
        t.writeFileAtomically(snap + "/" + META, StateFiles.pretty(meta), 0644);
        return new Snapshot(dir, meta, composeBytes, envBytes, images);
    }

    /** The snapshot of {@code dir}, if a complete one is there; a damaged one is a clear refusal. */
    public static Optional<Snapshot> load(Target t, String dir) {
        String abs = t.absolute(dir);
        String snap = snapshotDir(abs);
        if (t.stat(snap + "/" + META).isEmpty()) return Optional.empty();
        Meta meta = parse(snap, META, t.readFile(snap + "/" + META), new TypeReference<Meta>() {});
        if (meta == null || meta.composeFileName() == null || meta.composeCopy() == null) {
            throw damaged(snap, META + " is incomplete");
        }
        byte[] compose = readCopy(t, snap, meta.composeCopy());
        check(snap, meta.composeCopy(), compose, meta.composeSize(), meta.composeSha256());
        byte[] env = null;
        if (meta.envExisted()) {
            env = readCopy(t, snap, ENV_COPY);
            check(snap, ENV_COPY, env, meta.envSize() == null ? -1 : meta.envSize(), meta.envSha256());
        }
        List<ImageInUse> images = parse(snap, IMAGES, readCopy(t, snap, IMAGES),
                new TypeReference<List<ImageInUse>>() {});
        return Optional.of(new Snapshot(abs, meta, compose, env, images == null ? List.of() : images));
    }

    /** A missing copy means a damaged snapshot; other read errors (a lost connection) pass through. */
    private static byte[] readCopy(Target t, String snap, String name) {
        if (t.stat(snap + "/" + name).map(FileInfo::directory).orElse(true)) {
            throw damaged(snap, "the copy " + name + " is missing");
        }
        return t.readFile(snap + "/" + name);
    }

    private static <T> T parse(String snap, String name, byte[] json, TypeReference<T> type) {
        try {
            return StateFiles.JSON.readValue(json, type);
        } catch (IOException e) {
            throw damaged(snap, name + " cannot be read (" + StateFiles.why(e) + ")");
        }
    }

    /**
     * Writes {@code .env} and the compose file back byte for byte, each atomically and with the
     * mode it had; removes a {@code .env} that was not there when the snapshot was taken.
     */
    public void restoreFiles(Target t) {
        String envPath = directory + "/.env";
        if (env != null) {
            t.writeFileAtomically(envPath, env, meta.envMode());
        } else if (t.stat(envPath).isPresent()) {
            StateFiles.remove(t, envPath);
        }
        t.writeFileAtomically(directory + "/" + meta.composeFileName(), compose, meta.composeMode());
    }

    public List<ImageInUse> images() {
        return images;
    }

    /** The install directory it restores into, absolute. */
    public String directory() {
        return directory;
    }

    public String composeFileName() {
        return meta.composeFileName();
    }

    /** When it was taken, ISO-8601 UTC. */
    public String takenAt() {
        return meta.takenAt();
    }

    public byte[] composeBytes() {
        return compose.clone();
    }

    /** The {@code .env} bytes, empty when the stack had no {@code .env}. */
    public Optional<byte[]> envBytes() {
        return env == null ? Optional.empty() : Optional.of(env.clone());
    }

    /** {@code DIR/.slipway/snapshot} for an absolute install directory. */
    public static String snapshotDir(String absoluteDir) {
        return StateFiles.stateDir(absoluteDir) + "/" + DIR_NAME;
    }

    /** The copy keeps the compose file's own name unless that would clash with the snapshot's files. */
    private static String copyName(String composeFileName) {
        String base = composeFileName.substring(composeFileName.lastIndexOf('/') + 1);
        return base.equals(META) || base.equals(IMAGES) || base.equals(ENV_COPY) || base.isEmpty()
                ? "compose-file" : base;
    }

    private static void check(String snap, String name, byte[] bytes, long size, String sha) {
        if (bytes.length != size || !sha256(bytes).equals(sha)) {
            throw damaged(snap, "the copy " + name + " does not match what was recorded");
        }
    }

    private static SlipwayException damaged(String snap, String why) {
        return SlipwayException.refused("The snapshot in " + snap + " is damaged: " + why
                + "; restore .env and the compose file from a backup in the install directory's backups/ instead.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Snapshot[" + directory + ", " + meta.takenAt() + ", " + meta.composeFileName()
                + (env != null ? " + .env" : "") + ", " + images.size() + " images]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.directory.equals(directory) && s.meta.equals(meta)
                && Arrays.equals(s.compose, compose) && Arrays.equals(s.env, env) && s.images.equals(images);
    }

    @Override
    public int hashCode() {
        return directory.hashCode() * 31 + meta.hashCode();
    }
}
