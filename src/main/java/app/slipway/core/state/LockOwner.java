package app.slipway.core.state;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who holds a stack's lock: the user and machine running Slipway (not the target), its process
 * id, when it took the lock (ISO-8601 UTC) and what it is doing, e.g. {@code upgrade 1.0.0 → 2.0.0}.
 */
public record LockOwner(String user, String host, long pid, String startedAt, String command) {

    /** This JVM: user.name, this machine's host name, this process's pid, now. */
    public static LockOwner current(String command) {
        return new LockOwner(System.getProperty("user.name", "unknown"), thisHost(),
                ProcessHandle.current().pid(), StateFiles.now(), command);
    }

    /** {@code root@laptop} */
    public String who() {
        return (user == null || user.isBlank() ? "unknown" : user) + "@"
                + (host == null || host.isBlank() ? "unknown" : host);
    }

    /**
     * True when the owner ran on this same machine and its process is gone (or its pid now belongs
     * to a process started after the lock was taken). Only a hint for the message: a lock is never
     * broken without being asked.
     */
    public boolean looksStale() {
        if (host == null || !host.equals(thisHost()) || pid <= 0) return false;
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return true;
        Optional<Instant> processStart = process.get().info().startInstant();
        Optional<Instant> lockTaken = parse(startedAt);
        // The holder started before it took the lock; a later start means the pid was reused.
        return processStart.isPresent() && lockTaken.isPresent()
                && processStart.get().isAfter(lockTaken.get().plusSeconds(2));
    }

    private static Optional<Instant> parse(String iso) {
        try {
            return iso == null ? Optional.empty() : Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static volatile String thisHost;

    /** This machine's host name (the kernel's, on Linux: no DNS lookup). */
    static String thisHost() {
        String h = thisHost;
        if (h == null) {
            h = lookUpHost();
            thisHost = h;
        }
        return h;
    }

    private static String lookUpHost() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) return name;
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the JDK's idea of it.
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.strip();
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
