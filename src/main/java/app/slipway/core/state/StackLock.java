package app.slipway.core.state;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The lock of one install directory (README §How an upgrade works step 3): the atomic creation of the directory
 * {@code DIR/.slipway/lock}, holding {@code owner.json} (who, where, since when, doing what).
 * Whoever creates the directory holds the lock; everyone else is refused (exit 3) until it is
 * released, or broken on request ({@code --break-lock}).
 */
public final class StackLock implements AutoCloseable {
    static final String OWNER_FILE = "owner.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** owner.json: the owner plus a random token, so a release never removes a lock someone else took since. */
    record OwnerFile(String user, String host, long pid, String startedAt, String command, String token) {
        LockOwner owner() {
            return new LockOwner(user, host, pid, startedAt, command);
        }
    }

    private final Target target;
    private final String directory;
    private final String lockPath;
    private final LockOwner owner;
    private final String token;
    private boolean released;

    private StackLock(Target target, String directory, String lockPath, LockOwner owner, String token) {
        this.target = target;
        this.directory = directory;
        this.lockPath = lockPath;
        this.owner = owner;
        this.token = token;
    }

    /**
     * Takes the lock of {@code dir} for {@code owner}, or refuses (exit 3) with who holds it. With
     * {@code breakLock} a held lock is removed and taken over silently.
     */
    public static StackLock acquire(Target t, String dir, LockOwner owner, boolean breakLock) {
        String abs = t.absolute(dir);
        String state = StateFiles.stateDir(abs);
        String lock = state + "/lock";
        t.mkdirs(state);
        Holder holder = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (t.createDirectory(lock)) return hold(t, abs, lock, owner);
            holder = readHolder(t, lock);
            if (t.stat(lock).isPresent()) break; // else released while we looked: try again
        }
        if (!breakLock) throw held(abs, holder);
        StateFiles.removeAlways(t, lock);
        if (t.createDirectory(lock)) return hold(t, abs, lock, owner);
        // Someone else took it between our removal and our mkdir: theirs now, not ours to break again.
        throw held(abs, readHolder(t, lock));
    }

    /** The lock path of an install directory (for messages and tests). */
    public static String lockPath(Target t, String dir) {
        return StateFiles.stateDir(t.absolute(dir)) + "/lock";
    }

    /** Who holds the lock of {@code dir} now, if anyone does and says so (status screens). */
    public static Optional<LockOwner> holder(Target t, String dir) {
        String lock = lockPath(t, dir);
        if (t.stat(lock).isEmpty()) return Optional.empty();
        return Optional.ofNullable(readHolder(t, lock).owner);
    }

    private static StackLock hold(Target t, String abs, String lock, LockOwner owner) {
        String token = HexFormat.of().formatHex(randomBytes());
        try {
            t.writeFileAtomically(lock + "/" + OWNER_FILE, StateFiles.pretty(new OwnerFile(owner.user(), owner.host(),
                    owner.pid(), owner.startedAt(), owner.command(), token)), 0644);
        } catch (RuntimeException e) {
            try {
                StateFiles.remove(t, lock);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new StackLock(t, abs, lock, owner, token);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** What owner.json says; {@code owner} null when it is missing or unreadable. */
    private record Holder(LockOwner owner, String token) {}

    private static Holder readHolder(Target t, String lock) {
        String file = lock + "/" + OWNER_FILE;
        // Something other than a directory in the lock's place holds it too, without an owner.
        if (!t.stat(lock).map(FileInfo::directory).orElse(false)) return new Holder(null, null);
        // The holder writes owner.json (atomically) just after its mkdir: give a racing run a moment.
        for (int attempt = 0; ; attempt++) {
            Optional<OwnerFile> read = readOwnerFile(t, file);
            if (read.isPresent()) return new Holder(read.get().owner(), read.get().token());
            if (attempt >= 5 || t.stat(file).isPresent() || t.stat(lock).map(i -> !i.directory()).orElse(true)) {
                return new Holder(null, null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Holder(null, null);
            }
        }
    }

    private static Optional<OwnerFile> readOwnerFile(Target t, String file) {
        if (t.stat(file).map(i -> i.directory()).orElse(true)) return Optional.empty();
        byte[] bytes;
        try {
            bytes = t.readFile(file);
        } catch (SlipwayException e) {
            if (t.stat(file).isEmpty()) return Optional.empty(); // released meanwhile
            throw e;
        }
        try {
            return Optional.ofNullable(StateFiles.JSON.readValue(bytes, OwnerFile.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SlipwayException held(String dir, Holder holder) {
        String again = " If that run is over, run again with --break-lock.";
        LockOwner o = holder.owner;
        if (o == null) {
            return SlipwayException.refused("Another Slipway run holds the lock on " + dir
                    + " (who holds it is not recorded: " + StateFiles.stateDir(dir) + "/lock/" + OWNER_FILE
                    + " is missing or unreadable)." + again);
        }
        String what = o.command() == null || o.command().isBlank() ? "" : ": " + o.command();
        String stale = o.looksStale() ? "; it looks stale: that process is gone" : "";
        return SlipwayException.refused("Another Slipway run holds the lock on " + dir + " since "
                + StateFiles.display(o.startedAt()) + " (" + o.who() + ", pid " + o.pid() + what + ")" + stale
                + "." + again);
    }

    public LockOwner owner() {
        return owner;
    }

    /** The install directory, absolute. */
    public String directory() {
        return directory;
    }

    public String path() {
        return lockPath;
    }

    /**
     * Removes the lock. Idempotent; leaves alone a lock that is no longer ours (broken and taken by
     * another run meanwhile).
     */
    public synchronized void release() {
        if (released) return;
        if (target.stat(lockPath).map(FileInfo::directory).orElse(false)) {
            Optional<OwnerFile> now = readOwnerFile(target, lockPath + "/" + OWNER_FILE);
            if (now.isPresent() && token.equals(now.get().token())) StateFiles.remove(target, lockPath);
        }
        released = true;
    }

    @Override
    public void close() {
        release();
    }
}
