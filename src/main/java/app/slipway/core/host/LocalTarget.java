package app.slipway.core.host;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** This machine: commands through {@link ProcessBuilder}, files through java.nio. */
public final class LocalTarget implements Target {
    private final Map<String, String> environment;

    /** Uses this process's environment (for DOCKER_HOST). */
    public LocalTarget() {
        this(System.getenv());
    }

    /** Uses the given environment to find the engine (DOCKER_HOST); commands still inherit ours. */
    public LocalTarget(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return "local";
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public ExecResult exec(Command command, OutputSink sink) {
        OutputSink out = LinePump.serialized(sink);
        if (command.workDir() != null && !Files.isDirectory(Path.of(command.workDir()))) {
            String msg = "cd: " + command.workDir() + ": No such directory";
            out.line(OutputSink.Stream.STDERR, msg);
            return new ExecResult(1, "", msg + "\n");
        }
        var pb = new ProcessBuilder(command.argv());
        if (command.workDir() != null) pb.directory(new File(command.workDir()));
        pb.environment().putAll(command.env());
        // Relative redirections resolve against the working directory, as they do in the remote shell.
        if (command.stdinFile() != null) pb.redirectInput(resolve(command.workDir(), command.stdinFile()));
        if (command.stdoutFile() != null) pb.redirectOutput(resolve(command.workDir(), command.stdoutFile()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return notStarted(command, e, out);
        }
        if (command.stdinFile() == null) {
            try (var stdin = process.getOutputStream()) {
                // A short text (a pipe holds far more), so writing it before reading the output cannot block.
                if (command.input() != null) stdin.write(command.input().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The command does not read its input (or exited first); nothing to close.
            }
        }
        var err = new LinePump(process.getErrorStream(), OutputSink.Stream.STDERR, out)
                .start("local-stderr " + command.argv().get(0));
        String stdout = new LinePump(process.getInputStream(), OutputSink.Stream.STDOUT, out).run();
        try {
            String stderr = err.join();
            int code = process.waitFor();
            return new ExecResult(code, stdout, stderr);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SlipwayException(ExitCode.INTERNAL, "Stopped while running " + command.display() + ".", e);
        }
    }

    private static File resolve(String workDir, String path) {
        File file = new File(path);
        return file.isAbsolute() || workDir == null ? file : new File(workDir, path);
    }

    private static ExecResult notStarted(Command command, IOException e, OutputSink out) {
        String program = command.argv().get(0);
        String text = String.valueOf(e.getMessage());
        int code;
        String msg;
        if (text.contains("error=13")) {
            code = 126;
            msg = program + ": permission denied";
        } else {
            code = 127;
            msg = program + ": command not found";
        }
        out.line(OutputSink.Stream.STDERR, msg);
        return new ExecResult(code, "", msg + "\n");
    }

    // ---------------------------------------------------------------- files

    @Override
    public Optional<FileInfo> stat(String path) {
        Path p = Path.of(path);
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            return Optional.of(new FileInfo(a.isDirectory(), modeOf(p, a.permissions()), a.size()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (java.nio.file.FileSystemException e) {
            // "file/x" under a regular file: Java reports ENOTDIR as a plain FileSystemException.
            if ("Not a directory".equals(e.getReason())) return Optional.empty();
            throw fileError("look at", path, e);
        } catch (IOException e) {
            throw fileError("look at", path, e);
        }
    }

    @Override
    public byte[] readFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw fileError("read", path, e);
        }
    }

    @Override
    public void readFileInto(String path, java.io.OutputStream out) throws IOException {
        java.io.InputStream in;
        try {
            in = Files.newInputStream(Path.of(path));
        } catch (IOException e) {
            throw fileError("read", path, e);
        }
        try (in) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw fileError("read", path, e);
                }
                if (n < 0) return;
                out.write(buffer, 0, n); // this side's failure stays an IOException
            }
        }
    }

    @Override
    public void writeFileAtomically(String path, byte[] content, Integer mode) {
        Path target = Path.of(path).toAbsolutePath();
        Path dir = target.getParent();
        Optional<PosixFileAttributes> existing = existingAttributes(target);
        if (existing.isPresent() && existing.get().isDirectory()) {
            throw SlipwayException.refused("Cannot write " + path + ": it is a directory.");
        }
        int bits = mode != null ? mode : existing.map(a -> modeOf(target, a.permissions())).orElse(0644);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".slipway-tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            setMode(tmp, bits);
            if (existing.isPresent()) keepOwner(tmp, existing.get());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw SlipwayException.refused("Cannot replace " + path
                        + " atomically on this file system: move the install directory to a local disk.", e);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw fileError("write", path, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: a leftover hidden temp file is harmless.
                }
            }
        }
    }

    @Override
    public void mkdirs(String path) {
        try {
            Files.createDirectories(Path.of(path));
        } catch (FileAlreadyExistsException e) {
            throw SlipwayException.refused("Cannot create the directory " + path
                    + ": " + e.getFile() + " exists and is not a directory.", e);
        } catch (IOException e) {
            throw fileError("create the directory", path, e);
        }
    }

    @Override
    public boolean createDirectory(String path) {
        try {
            Files.createDirectory(Path.of(path));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (java.nio.file.FileSystemException e) {
            if (e instanceof NoSuchFileException || e instanceof AccessDeniedException || e.getReason() == null) {
                throw fileError("create the directory", path, e);
            }
            // e.g. "Not a directory" (a parent is a file), "Operation not permitted"
            String reason = e.getReason();
            throw SlipwayException.refused("Cannot create the directory " + path + ": "
                    + Character.toLowerCase(reason.charAt(0)) + reason.substring(1) + ".", e);
        } catch (IOException e) {
            throw fileError("create the directory", path, e);
        }
    }

    @Override
    public List<String> list(String directory) {
        try (Stream<Path> s = Files.list(Path.of(directory))) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw fileError("list", directory, e);
        }
    }

    @Override
    public String absolute(String path) {
        String home = System.getProperty("user.home");
        if (path.equals("~")) return Path.of(home).toString();
        if (path.startsWith("~/")) return Path.of(home, path.substring(2)).normalize().toString();
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static Optional<PosixFileAttributes> existingAttributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, PosixFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw fileError("look at", p.toString(), e);
        }
    }

    /** Permission bits including setuid/setgid/sticky where the platform tells them. */
    private static int modeOf(Path p, Set<PosixFilePermission> perms) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            if (mode instanceof Integer m) return m & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Fall back to the nine permission bits.
        }
        return bitsOf(perms);
    }

    static int bitsOf(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission perm : perms) {
            m |= 1 << (8 - perm.ordinal());
        }
        return m;
    }

    static Set<PosixFilePermission> permsOf(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission perm : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - perm.ordinal()))) != 0) set.add(perm);
        }
        return set;
    }

    private static void setMode(Path p, int mode) throws IOException {
        Files.setPosixFilePermissions(p, permsOf(mode));
    }

    /** When root rewrites someone else's file, the new file keeps that owner (best effort). */
    private static void keepOwner(Path tmp, PosixFileAttributes old) {
        try {
            var view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(old.owner())) view.setOwner(old.owner());
            if (!now.group().equals(old.group())) view.setGroup(old.group());
        } catch (IOException | UnsupportedOperationException e) {
            // Not permitted for ordinary users; the file is then theirs, as any editor would leave it.
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    static SlipwayException fileError(String verb, String path, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NotDirectoryException) {
            why = "not a directory";
        } else {
            why = String.valueOf(e.getMessage());
        }
        return SlipwayException.refused("Cannot " + verb + " " + path + ": " + why + ".", e);
    }

    // ---------------------------------------------------------------- engine

    @Override
    public DuplexStream openTcp(String host, int port, java.time.Duration timeout) throws IOException {
        var socket = new java.net.Socket();
        try {
            socket.connect(new java.net.InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new DuplexStream() {
            @Override
            public java.io.InputStream in() {
                try {
                    return socket.getInputStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public java.io.OutputStream out() {
                try {
                    return socket.getOutputStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    @Override
    public EngineSocket engineSocket() {
        DockerHost host = DockerHost.parse(environment.get("DOCKER_HOST"));
        return () -> open(host);
    }

    static DuplexStream open(DockerHost host) {
        if (host.isUnix()) {
            try {
                return new SocketChannelStream(SocketChannel.open(UnixDomainSocketAddress.of(host.socketPath())));
            } catch (IOException e) {
                throw unixSocketError(host, e);
            }
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.socket().connect(new InetSocketAddress(host.tcpHost(), host.tcpPort()), 10_000);
            return new SocketChannelStream(ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw EngineErrors.notReachable(host.uri(), e);
        }
    }

    static SlipwayException unixSocketError(DockerHost host, IOException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof AccessDeniedException || text.contains("permission denied")) {
            return EngineErrors.noPermission(System.getProperty("user.name"), host.socketPath(), e);
        }
        return EngineErrors.notReachable(host.uri(), e);
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // Already failed; nothing more to do.
        }
    }
}
