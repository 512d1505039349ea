package app.slipway.core.host;

import java.util.List;
import java.util.Optional;

/**
 * Where a stack lives: this machine, or a server over one SSH session. Runs commands, reads and
 * writes files, and reaches the Docker Engine socket — always from the target's own point of view.
 * Paths are the target's absolute paths.
 */
public interface Target extends AutoCloseable {
    /** "local", or "ssh://user@host:port". */
    String describe();

    boolean isRemote();

    /**
     * Runs the command to completion, streaming each output line to the sink as it comes. Its
     * standard input is the command's {@code input} text or {@code stdinFile}, else empty.
     */
    ExecResult exec(Command command, OutputSink sink);

    default ExecResult exec(Command command) {
        return exec(command, OutputSink.DISCARD);
    }

    /** The path's kind, mode and size, or empty when nothing is there. */
    Optional<FileInfo> stat(String path);

    /** The file's bytes; a clear {@code SlipwayException} when it cannot be read. */
    byte[] readFile(String path);

    /**
     * Streams the file's bytes into {@code out} as they arrive, never holding all of them (a backup's
     * dump on its way to this computer). A file that cannot be read is a clear {@code SlipwayException};
     * a failure of {@code out} itself is its own {@code IOException}.
     */
    default void readFileInto(String path, java.io.OutputStream out) throws java.io.IOException {
        out.write(readFile(path));
    }

    /**
     * Writes through a temporary file in the same directory and renames it over the path, so a
     * reader sees the old bytes or the new ones, never a mix. {@code mode} null keeps the existing
     * file's mode (or the default for a new file).
     */
    void writeFileAtomically(String path, byte[] content, Integer mode);

    void mkdirs(String path);

    /**
     * Creates one directory, atomically: true when this call created it, false when something
     * (a directory, a file, a symlink) is already there — the primitive for a lock. Parents are
     * not created; a missing parent, a parent that is a file or a permission problem is a clear
     * {@code SlipwayException}.
     */
    boolean createDirectory(String path);

    /** Names of the entries of a directory (not paths), sorted. */
    List<String> list(String directory);

    /** The absolute form of a path as the target resolves it (for local: against the CWD). */
    String absolute(String path);

    /** Connections to the Docker Engine socket (DOCKER_HOST locally; the remote socket over SSH). */
    EngineSocket engineSocket();

    /**
     * A TCP connection to {@code host:port} as the target itself sees it — over SSH a
     * {@code direct-tcpip} channel of the session, so no port is opened on either machine.
     * Used to probe a product's health URL from the server's own point of view.
     */
    DuplexStream openTcp(String host, int port, java.time.Duration timeout) throws java.io.IOException;

    @Override
    void close();
}
