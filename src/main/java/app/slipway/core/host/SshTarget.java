package app.slipway.core.host;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A server over one SSH session: commands on exec channels, files over one SFTP channel, the
 * Docker Engine through {@code direct-streamlocal@openssh.com} channels to its unix socket.
 */
public final class SshTarget implements Target {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Session session;
    private final SshSettings settings;
    private final String dockerSocket;
    private final Object sftpLock = new Object();
    private ChannelSftp sftp;
    private ShellFiles shellFiles;
    private String home;
    /** Tests turn this off to exercise the {@code mv -f} fallback for servers without posix-rename. */
    volatile boolean usePosixRename = true;

    /** Connects with the settings' host key policy (strict unless acceptNewHostKey). */
    public static SshTarget connect(SshSettings settings) {
        return onServersEngine(SshConnector.connect(settings), settings);
    }

    /** Connects, asking {@code decision} about an unknown host key. */
    public static SshTarget connect(SshSettings settings, HostKeyDecision decision) {
        return onServersEngine(SshConnector.connect(settings, decision), settings);
    }

    /**
     * The engine the server's own {@code docker} uses: its login environment's {@code DOCKER_HOST}
     * when that is a unix socket (rootless Docker, a second engine), else the default socket. The
     * Compose commands run in that same environment, so both reach one engine.
     */
    private static SshTarget onServersEngine(Session session, SshSettings settings) {
        var probe = new SshTarget(session, settings, DockerHost.DEFAULT_SOCKET);
        try {
            ExecResult r = probe.exec(Command.of("printenv", "DOCKER_HOST"));
            String value = r.stdout().strip();
            if (r.ok() && value.startsWith("unix://") && value.length() > "unix://".length()) {
                return new SshTarget(session, settings, value.substring("unix://".length()));
            }
            return probe;
        } catch (RuntimeException e) {
            session.disconnect();
            throw e;
        }
    }

    /** Wraps a connected session; {@code dockerSocket} is the engine's socket path on the server. */
    public SshTarget(Session session, SshSettings settings, String dockerSocket) {
        this.session = session;
        this.settings = settings;
        this.dockerSocket = dockerSocket;
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return settings.uri();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public ExecResult exec(Command command, OutputSink sink) {
        return exec(command, sink, command.input() == null ? new byte[0] : command.input().getBytes(StandardCharsets.UTF_8));
    }

    private ExecResult exec(Command command, OutputSink sink, byte[] stdin) {
        OutputSink out = LinePump.serialized(sink);
        ChannelExec channel;
        InputStream stdout;
        InputStream stderr;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(RemoteCommand.of(command).getBytes(StandardCharsets.UTF_8));
            channel.setInputStream(new ByteArrayInputStream(stdin));
            stdout = channel.getInputStream();
            stderr = channel.getErrStream();
            channel.connect(SshConnector.CONNECT_TIMEOUT_MS);
        } catch (JSchException | IOException e) {
            throw lost("run " + command.display(), e);
        }
        try {
            var err = new LinePump(stderr, OutputSink.Stream.STDERR, out).start("ssh-stderr " + command.argv().get(0));
            String outText = new LinePump(stdout, OutputSink.Stream.STDOUT, out).run();
            String errText = err.join();
            while (!channel.isClosed() && session.isConnected()) {
                Thread.sleep(5);
            }
            int code = channel.getExitStatus();
            if (code == -1) {
                if (!session.isConnected()) throw lost("run " + command.display(), null);
                code = 255; // killed by a signal: no exit status, as ssh reports it
            }
            return new ExecResult(code, outText, errText);
        } catch (InterruptedException e) {
            try {
                channel.sendSignal("TERM");
            } catch (Exception ignored) {
                // Old servers ignore signals; closing the channel is all we can do.
            }
            Thread.currentThread().interrupt();
            throw new SlipwayException(ExitCode.INTERNAL, "Stopped while running " + command.display() + ".", e);
        } finally {
            channel.disconnect();
        }
    }

    private SlipwayException lost(String what, Exception e) {
        if (!session.isConnected()) {
            return SlipwayException.refused("The SSH connection to " + settings.hostPort()
                    + " was lost: cannot " + what + "; check the network and run again.", e);
        }
        return SlipwayException.refused("Cannot " + what + " on " + settings.hostPort() + ": "
                + (e == null ? "the server closed the channel" : e.getMessage()) + ".", e);
    }

    // ---------------------------------------------------------------- files

    @FunctionalInterface
    private interface SftpCall<T> {
        T run(ChannelSftp sftp) throws SftpException;
    }

    private <T> T withSftp(String verb, String path, SftpCall<T> call) {
        synchronized (sftpLock) {
            ChannelSftp c = sftpChannel();
            try {
                return call.run(c);
            } catch (SftpException e) {
                throw sftpError(verb, path, e);
            }
        }
    }

    private ChannelSftp sftpChannel() {
        if (sftp != null && sftp.isConnected()) return sftp;
        try {
            ChannelSftp c = (ChannelSftp) session.openChannel("sftp");
            c.connect(SshConnector.CONNECT_TIMEOUT_MS);
            home = c.getHome();
            sftp = c;
            return c;
        } catch (JSchException | SftpException e) {
            throw lost("open an SFTP channel (is the sftp subsystem enabled?)", e);
        }
    }

    /**
     * The files through exec channels when the server has no SFTP subsystem (its sshd_config
     * names none): null while SFTP works. Decided once, at the first file operation.
     */
    private ShellFiles withoutSftp() {
        synchronized (sftpLock) {
            if (shellFiles != null) return shellFiles;
            if (sftp != null && sftp.isConnected()) return null;
            try {
                sftpChannel();
                return null;
            } catch (SlipwayException e) {
                if (!session.isConnected()) throw e;
                shellFiles = new ShellFiles((command, stdin) -> exec(command, OutputSink.DISCARD, stdin), settings.hostPort());
                home = shellFiles.home();
                return shellFiles;
            }
        }
    }

    private SlipwayException sftpError(String verb, String path, SftpException e) {
        if (!session.isConnected()) return lost(verb + " " + path, e);
        String why = switch (e.id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> "no such file or directory";
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> "permission denied";
            default -> String.valueOf(e.getMessage());
        };
        return SlipwayException.refused("Cannot " + verb + " " + path + " on " + settings.hostPort() + ": " + why + ".", e);
    }

    /** Escapes the glob characters jsch interprets in SFTP paths. */
    static String sftpPath(String path) {
        var sb = new StringBuilder(path.length());
        for (char ch : path.toCharArray()) {
            if (ch == '\\' || ch == '*' || ch == '?') sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }

    private static SftpATTRS statOrNull(ChannelSftp c, String path) throws SftpException {
        try {
            return c.stat(sftpPath(path));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) return null;
            throw e;
        }
    }

    @Override
    public Optional<FileInfo> stat(String path) {
        ShellFiles shell = withoutSftp();
        if (shell != null) return shell.stat(absolute(path));
        return withSftp("look at", path, c -> {
            SftpATTRS a = statOrNull(c, path);
            return a == null ? Optional.empty()
                    : Optional.of(new FileInfo(a.isDir(), a.getPermissions() & 07777, a.getSize()));
        });
    }

    @Override
    public byte[] readFile(String path) {
        ShellFiles shell = withoutSftp();
        if (shell != null) return shell.read(absolute(path));
        return withSftp("read", path, c -> {
            SftpATTRS a = c.stat(sftpPath(path));
            if (a.isDir()) throw new SftpException(ChannelSftp.SSH_FX_FAILURE, "it is a directory");
            var bytes = new ByteArrayOutputStream((int) Math.min(a.getSize(), 1 << 20));
            c.get(sftpPath(path), bytes);
            return bytes.toByteArray();
        });
    }

    /** Over SFTP as it arrives, else through exec channels in chunks: never the whole file in memory. */
    @Override
    public void readFileInto(String path, OutputStream out) throws IOException {
        ShellFiles shell = withoutSftp();
        if (shell != null) {
            shell.readInto(absolute(path), out);
            return;
        }
        var guarded = new RememberingStream(out);
        try {
            withSftp("read", path, c -> {
                if (c.stat(sftpPath(path)).isDir()) throw new SftpException(ChannelSftp.SSH_FX_FAILURE, "it is a directory");
                c.get(sftpPath(path), guarded);
                return null;
            });
        } catch (SlipwayException e) {
            if (guarded.failure != null) throw guarded.failure; // this side failed, not the server's file
            throw e;
        }
    }

    /** Keeps the failure of the stream jsch writes to, which jsch would report as its own. */
    private static final class RememberingStream extends java.io.FilterOutputStream {
        IOException failure;

        RememberingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    @Override
    public void writeFileAtomically(String path, byte[] content, Integer mode) {
        String abs = absolute(path);
        int slash = abs.lastIndexOf('/');
        String dir = slash == 0 ? "" : abs.substring(0, slash);
        String name = abs.substring(slash + 1);
        String tmp = dir + "/." + name + "." + HexFormat.of().formatHex(randomBytes()) + ".slipway-tmp";
        ShellFiles shell = withoutSftp();
        if (shell != null) {
            shell.writeAtomically(abs, tmp, content, mode);
            return;
        }
        boolean renamed = withSftp("write", path, c -> {
            SftpATTRS old = statOrNull(c, abs);
            if (old != null && old.isDir()) throw new SftpException(ChannelSftp.SSH_FX_FAILURE, "it is a directory");
            int bits = mode != null ? mode : old != null ? old.getPermissions() & 07777 : 0644;
            boolean done = false;
            try {
                // Make the empty file private before the content goes in: .env files hold secrets.
                c.put(new ByteArrayInputStream(new byte[0]), sftpPath(tmp), ChannelSftp.OVERWRITE);
                c.chmod(0600, sftpPath(tmp));
                c.put(new ByteArrayInputStream(content), sftpPath(tmp), ChannelSftp.OVERWRITE);
                c.chmod(bits, sftpPath(tmp));
                if (old != null) keepOwner(c, tmp, old);
                if (usePosixRename && "1".equals(c.getExtension("posix-rename@openssh.com"))) {
                    c.rename(sftpPath(tmp), sftpPath(abs)); // jsch sends posix-rename: replaces the file
                    done = true;
                    return true;
                }
                done = true;
                return false;
            } finally {
                if (!done) removeQuietly(c, tmp);
            }
        });
        if (!renamed) {
            ExecResult mv = exec(Command.of("mv", "-f", "--", tmp, abs));
            if (!mv.ok()) {
                withSftp("remove", tmp, c -> {
                    removeQuietly(c, tmp);
                    return null;
                });
                throw SlipwayException.refused("Cannot write " + path + " on " + settings.hostPort() + ": "
                        + mv.stderr().strip() + ".");
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** When root rewrites someone else's file, the new file keeps that owner (best effort). */
    private static void keepOwner(ChannelSftp c, String tmp, SftpATTRS old) {
        try {
            SftpATTRS now = c.stat(sftpPath(tmp));
            if (now.getUId() != old.getUId()) c.chown(old.getUId(), sftpPath(tmp));
            if (now.getGId() != old.getGId()) c.chgrp(old.getGId(), sftpPath(tmp));
        } catch (SftpException e) {
            // Not permitted for ordinary users; the file is then theirs, as any editor would leave it.
        }
    }

    private static void removeQuietly(ChannelSftp c, String path) {
        try {
            c.rm(sftpPath(path));
        } catch (SftpException ignored) {
            // Best effort: a leftover hidden temp file is harmless.
        }
    }

    @Override
    public void mkdirs(String path) {
        String abs = absolute(path);
        ShellFiles shell = withoutSftp();
        if (shell != null) {
            shell.mkdirs(abs);
            return;
        }
        withSftp("create the directory", path, c -> {
            Deque<String> missing = new ArrayDeque<>();
            String cur = abs;
            while (!cur.isEmpty()) {
                SftpATTRS a = statOrNull(c, cur);
                if (a != null) {
                    if (!a.isDir()) {
                        throw new SftpException(ChannelSftp.SSH_FX_FAILURE, cur + " exists and is not a directory");
                    }
                    break;
                }
                missing.push(cur);
                cur = cur.substring(0, cur.lastIndexOf('/'));
            }
            for (String d : missing) {
                try {
                    c.mkdir(sftpPath(d));
                } catch (SftpException e) {
                    SftpATTRS now = statOrNull(c, d); // created meanwhile by someone else?
                    if (now == null || !now.isDir()) throw e;
                }
            }
            return null;
        });
    }

    @Override
    public boolean createDirectory(String path) {
        String abs = absolute(path);
        ShellFiles shell = withoutSftp();
        if (shell != null) return shell.createDirectory(abs);
        return withSftp("create the directory", path, c -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    c.mkdir(abs); // jsch sends mkdir's path as is (no glob unquoting, unlike stat)
                    return true;
                } catch (SftpException e) {
                    // sftp-server answers an existing path with a generic failure: look whether
                    // something is there (lstat: a dangling symlink counts, as it does locally).
                    if (!session.isConnected()) throw e;
                    if (lstatOrNull(c, abs) != null) return false;
                    // Gone again (removed meanwhile by its owner) or a real error: retry once, then report.
                    if (attempt >= 1 || e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE
                            || e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED) {
                        throw e;
                    }
                }
            }
        });
    }

    private static SftpATTRS lstatOrNull(ChannelSftp c, String path) throws SftpException {
        try {
            return c.lstat(sftpPath(path));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) return null;
            throw e;
        }
    }

    @Override
    public List<String> list(String directory) {
        ShellFiles shell = withoutSftp();
        if (shell != null) return shell.list(absolute(directory));
        return withSftp("list", directory, c -> {
            SftpATTRS a = c.stat(sftpPath(directory));
            if (!a.isDir()) throw new SftpException(ChannelSftp.SSH_FX_FAILURE, "not a directory");
            List<String> names = new ArrayList<>();
            c.ls(sftpPath(directory), entry -> {
                String n = entry.getFilename();
                if (!n.equals(".") && !n.equals("..")) names.add(n);
                return ChannelSftp.LsEntrySelector.CONTINUE;
            });
            names.sort(null);
            return names;
        });
    }

    /** Absolute paths are normalized; relative ones (and ~) resolve against the remote home. */
    @Override
    public String absolute(String path) {
        String p = path;
        if (p.equals("~")) {
            p = home();
        } else if (p.startsWith("~/")) {
            p = home() + p.substring(1);
        } else if (!p.startsWith("/")) {
            p = home() + "/" + p;
        }
        return normalize(p);
    }

    private String home() {
        synchronized (sftpLock) {
            if (withoutSftp() == null) sftpChannel();
            return home;
        }
    }

    static String normalize(String absolute) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : absolute.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    // ---------------------------------------------------------------- engine

    @Override
    public EngineSocket engineSocket() {
        return this::openEngine;
    }

    @Override
    public DuplexStream openTcp(String host, int port, java.time.Duration timeout) throws IOException {
        com.jcraft.jsch.ChannelDirectTCPIP channel;
        try {
            channel = (com.jcraft.jsch.ChannelDirectTCPIP) session.openChannel("direct-tcpip");
        } catch (JSchException e) {
            throw lost("reach " + host + ":" + port, e);
        }
        channel.setHost(host);
        channel.setPort(port);
        InputStream in = channel.getInputStream();
        OutputStream out = channel.getOutputStream();
        try {
            channel.connect((int) timeout.toMillis());
        } catch (JSchException e) {
            channel.disconnect();
            throw new java.net.ConnectException("cannot connect to " + host + ":" + port + " from "
                    + settings.hostPort() + ": " + e.getMessage());
        }
        return new SshChannelStream(channel, in, out);
    }

    private DuplexStream openEngine() throws IOException {
        ChannelDirectStreamLocal channel;
        InputStream in;
        OutputStream out;
        try {
            channel = (ChannelDirectStreamLocal) session.openChannel("direct-streamlocal@openssh.com");
        } catch (JSchException e) {
            throw lost("reach the Docker Engine", e);
        }
        channel.setSocketPath(dockerSocket);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        try {
            channel.connect(SshConnector.CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            channel.disconnect();
            throw engineError(e);
        }
        return new SshChannelStream(channel, in, out);
    }

    /**
     * sshd answers a failed socket connect with a bare "open failed", the same for a missing
     * socket, a stopped engine and a permission problem; ask the shell which one it is.
     */
    private SlipwayException engineError(JSchException e) {
        String engine = "unix://" + dockerSocket;
        String where = settings.user() + "@" + settings.hostPort();
        if (!session.isConnected()) return lost("reach the Docker Engine", e);
        String p = ShellQuote.quote(dockerSocket);
        ExecResult probe;
        try {
            probe = exec(Command.of("sh", "-c", "if [ ! -e " + p + " ]; then echo missing; elif [ ! -S " + p
                    + " ]; then echo not-a-socket; elif [ -r " + p + " ] && [ -w " + p + " ]; then echo ok;"
                    + " else echo denied; fi"));
        } catch (SlipwayException probeFailed) {
            return EngineErrors.notReachable(engine, where, e);
        }
        String answer = probe.stdout().strip();
        if (answer.equals("denied")) return EngineErrors.noPermission(settings.user(), dockerSocket, e);
        if (answer.equals("ok") && String.valueOf(e.getMessage()).toLowerCase().contains("prohibit")) {
            return SlipwayException.refused("The SSH server at " + settings.hostPort()
                    + " does not allow forwarding to the Docker socket: set AllowStreamLocalForwarding yes"
                    + " in its sshd_config and restart sshd.", e);
        }
        return EngineErrors.notReachable(engine, where, e);
    }

    @Override
    public void close() {
        synchronized (sftpLock) {
            if (sftp != null) sftp.disconnect();
            sftp = null;
        }
        session.disconnect();
    }
}
