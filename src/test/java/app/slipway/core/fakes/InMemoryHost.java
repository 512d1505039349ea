package app.slipway.core.fakes;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.EngineSocket;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.OutputSink;
import app.slipway.core.host.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A target whose files live in memory and whose commands are answered by a handler the test
 * gives: fast and exact for the run kernel and the planners. Every command it runs is kept in
 * {@link #commands()}; a health URL answers with {@link #healthStatus(int)}.
 */
public final class InMemoryHost implements Target {
    private record Entry(byte[] bytes, int mode, boolean directory) {}

    private final TreeMap<String, Entry> files = new TreeMap<>();
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private Function<Command, ExecResult> handler = c -> new ExecResult(0, "", "");
    private volatile int healthStatus = 200;
    private final java.util.Set<Integer> listening = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean remote;

    public InMemoryHost() {
        files.put("/", new Entry(null, 0755, true));
    }

    /** Answers every command the runs execute; the default says exit 0 with no output. */
    public InMemoryHost answering(Function<Command, ExecResult> handler) {
        this.handler = handler;
        return this;
    }

    public InMemoryHost healthStatus(int status) {
        this.healthStatus = status;
        return this;
    }

    /** Something listens on 127.0.0.1:{@code port} (a started stack); other ports refuse connections. */
    public InMemoryHost listening(int port) {
        listening.add(port);
        return this;
    }

    public InMemoryHost remote() {
        this.remote = true;
        return this;
    }

    public synchronized InMemoryHost file(String path, String text, int mode) {
        mkdirs(parent(path));
        files.put(path, new Entry(text.getBytes(StandardCharsets.UTF_8), mode, false));
        return this;
    }

    public synchronized Optional<String> text(String path) {
        Entry e = files.get(path);
        return e == null || e.directory ? Optional.empty() : Optional.of(new String(e.bytes, StandardCharsets.UTF_8));
    }

    public synchronized boolean exists(String path) {
        return files.containsKey(path);
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The commands run so far, each as its argument list joined by spaces. */
    public List<String> commandLines() {
        return commands.stream().map(c -> String.join(" ", c.argv())).toList();
    }

    @Override
    public String describe() {
        return remote ? "ssh://deploy@10.203.0.11:22" : "local";
    }

    @Override
    public boolean isRemote() {
        return remote;
    }

    @Override
    public ExecResult exec(Command command, OutputSink sink) {
        commands.add(command);
        List<String> argv = command.argv();
        if (argv.size() == 4 && argv.get(0).equals("rm") && argv.get(1).equals("-rf") && argv.get(2).equals("--")) {
            removeTree(argv.get(3)); // the state files (lock, journal, snapshot) are removed this way
            return new ExecResult(0, "", "");
        }
        if (argv.size() == 5 && argv.get(0).equals("mkdir") && argv.get(3).equals("--")) {
            return createDirectory(argv.get(4)) ? new ExecResult(0, "", "")
                    : new ExecResult(1, "", "mkdir: cannot create directory '" + argv.get(4) + "': File exists");
        }
        if (argv.size() > 2 && argv.get(0).equals("sha256sum") && argv.get(1).equals("--")) {
            return sha256sum(command.workDir(), argv.subList(2, argv.size()));
        }
        ExecResult result = handler.apply(command);
        if (command.stdoutFile() != null && result.ok()) {
            synchronized (this) {
                files.put(command.stdoutFile(), new Entry(result.stdout().getBytes(StandardCharsets.UTF_8), 0600, false));
            }
        }
        result.stdout().lines().forEach(l -> sink.line(OutputSink.Stream.STDOUT, l));
        result.stderr().lines().forEach(l -> sink.line(OutputSink.Stream.STDERR, l));
        return result;
    }

    @Override
    public synchronized Optional<FileInfo> stat(String path) {
        Entry e = files.get(normal(path));
        return e == null ? Optional.empty()
                : Optional.of(new FileInfo(e.directory, e.mode, e.directory ? 4096 : e.bytes.length));
    }

    @Override
    public synchronized byte[] readFile(String path) {
        Entry e = files.get(normal(path));
        if (e == null || e.directory) throw SlipwayException.badInput("Cannot read " + path + ": no such file.");
        return e.bytes.clone();
    }

    @Override
    public synchronized void writeFileAtomically(String path, byte[] content, Integer mode) {
        String p = normal(path);
        Entry parent = files.get(parent(p));
        if (parent == null || !parent.directory) throw new IllegalStateException("no directory " + parent(p));
        Entry old = files.get(p);
        int m = mode != null ? mode : old != null ? old.mode : 0644;
        files.put(p, new Entry(content.clone(), m, false));
    }

    @Override
    public synchronized void mkdirs(String path) {
        String p = normal(path);
        if (p.equals("/")) return;
        mkdirs(parent(p));
        files.putIfAbsent(p, new Entry(null, 0755, true));
    }

    @Override
    public synchronized boolean createDirectory(String path) {
        String p = normal(path);
        if (!files.containsKey(parent(p))) throw SlipwayException.refused("No directory " + parent(p) + ".");
        if (files.containsKey(p)) return false;
        files.put(p, new Entry(null, 0755, true));
        return true;
    }

    @Override
    public synchronized List<String> list(String directory) {
        String prefix = normal(directory).equals("/") ? "/" : normal(directory) + "/";
        var names = new ArrayList<String>();
        for (String p : files.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
            String rest = p.substring(prefix.length());
            if (!rest.isEmpty() && !rest.contains("/")) names.add(rest);
        }
        return names;
    }

    private synchronized ExecResult sha256sum(String folder, List<String> names) {
        var out = new StringBuilder();
        for (String name : names) {
            Entry e = files.get(normal(folder + "/" + name));
            if (e == null || e.directory) continue;
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(e.bytes);
                out.append(java.util.HexFormat.of().formatHex(digest)).append("  ").append(name).append('\n');
            } catch (java.security.NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return new ExecResult(0, out.toString(), "");
    }

    private synchronized void removeTree(String path) {
        String p = normal(path);
        files.remove(p);
        files.subMap(p + "/", p + "/" + Character.MAX_VALUE).clear();
    }

    /** Relative paths resolve against /work; {@code ~} is the user's home, /home/deploy. */
    @Override
    public String absolute(String path) {
        if (path.equals("~") || path.startsWith("~/")) return normal("/home/deploy" + path.substring(1));
        return normal(path.startsWith("/") ? path : "/work/" + path);
    }

    @Override
    public EngineSocket engineSocket() {
        return () -> {
            throw new IOException("an in-memory host has no engine socket");
        };
    }

    /** A connection whose peer answers one HTTP request with {@link #healthStatus(int)}. */
    @Override
    public DuplexStream openTcp(String host, int port, Duration timeout) throws IOException {
        if (!listening.contains(port)) throw new java.net.ConnectException("Connection refused");
        byte[] answer = ("HTTP/1.1 " + healthStatus + " OK\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        var in = new ByteArrayInputStream(answer);
        var out = new ByteArrayOutputStream();
        return new DuplexStream() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {}

    /** The files as a map of path to text, for assertions. */
    public synchronized Map<String, String> snapshotOfFiles() {
        var copy = new TreeMap<String, String>();
        files.forEach((p, e) -> {
            if (!e.directory) copy.put(p, new String(e.bytes, StandardCharsets.UTF_8));
        });
        return copy;
    }

    private static String normal(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String parent(String path) {
        String p = normal(path);
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }
}
