package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link Target} must do, run against a real local machine and a real SSH server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TargetContract {
    Target target;
    String dir;

    abstract Target open() throws Exception;

    private String root;
    private int counter;

    @BeforeAll
    void openTarget() throws Exception {
        target = open();
        ExecResult r = target.exec(Command.of("mktemp", "-d"));
        assertEquals(0, r.exitCode(), r.stderr());
        root = r.stdout().strip();
    }

    @AfterAll
    void closeTarget() {
        if (target == null) return;
        if (root != null) target.exec(Command.of("rm", "-rf", "--", root));
        target.close();
    }

    /** A fresh directory per test (made over the file API: SSH sessions are slow to start). */
    @BeforeEach
    void scratch() {
        dir = root + "/t" + (++counter);
        target.mkdirs(dir);
    }

    record Line(OutputSink.Stream stream, String text, long atNanos) {}

    static final class Recorder implements OutputSink {
        final List<Line> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void line(Stream stream, String line) {
            lines.add(new Line(stream, line, System.nanoTime()));
        }

        List<String> of(Stream s) {
            synchronized (lines) {
                return lines.stream().filter(l -> l.stream() == s).map(Line::text).toList();
            }
        }
    }

    // ---------------------------------------------------------------- exec

    @Test
    void execPassesAwkwardArgumentsUnchanged() {
        List<String> args = List.of("a b", "it's", "\"double\"", "$HOME", "${X:-y}", "`id`", "$(id)", "*", "",
                "back\\slash", "semi;colon && echo hacked", "tab\there", "ünïcødé", "-n", "trailing ");
        var argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(args);
        ExecResult r = target.exec(new Command(argv, null, Map.of()));
        assertEquals(0, r.exitCode(), r.stderr());
        var expected = new StringBuilder();
        for (String a : args) expected.append('[').append(a).append("]\n");
        assertEquals(expected.toString(), r.stdout());
    }

    @Test
    void execFeedsItsInputTextThenEndOfFile() {
        ExecResult r = target.exec(Command.of("cat").feeding("https://index.docker.io/v1/ ünï"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("https://index.docker.io/v1/ ünï", r.stdout(), "exactly the text, no newline added");
        assertEquals(0, target.exec(Command.of("true").feeding("unread")).exitCode(), "a command need not read it");
    }

    @Test
    void execRunsInTheWorkDir() {
        String sub = dir + "/with space 'and' $dollar";
        target.mkdirs(sub);
        ExecResult r = target.exec(Command.in(sub, List.of("pwd")));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(sub, r.stdout().strip());
    }

    @Test
    void execWithMissingWorkDirFails() {
        ExecResult r = target.exec(Command.in(dir + "/nope", List.of("pwd")));
        assertFalse(r.ok());
        assertTrue(r.stderr().contains("nope"), r.stderr());
    }

    @Test
    void execAddsEnvironment() {
        String value = "v a l $HOME 'q' \"dq\" `x`";
        ExecResult r = target.exec(Command.of("sh", "-c", "printf '%s|%s' \"$SLIPWAY_A\" \"$SLIPWAY_B\"")
                .withEnv(Map.of("SLIPWAY_A", value, "SLIPWAY_B", "")));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(value + "|", r.stdout());
        // The environment is added to, not replaced: PATH is still there.
        ExecResult path = target.exec(Command.of("sh", "-c", "printf %s \"$PATH\"").withEnv(Map.of("X", "1")));
        assertFalse(path.stdout().isBlank());
    }

    @Test
    void execStreamsStdoutAndStderrLines() {
        var rec = new Recorder();
        ExecResult r = target.exec(Command.of("sh", "-c",
                "echo out1; echo err1 >&2; printf 'out2\\r\\n'; echo; printf err2 >&2"), rec);
        assertEquals(0, r.exitCode());
        assertEquals(List.of("out1", "out2", ""), rec.of(OutputSink.Stream.STDOUT));
        assertEquals(List.of("err1", "err2"), rec.of(OutputSink.Stream.STDERR));
        assertEquals("out1\nout2\r\n\n", r.stdout());
        assertEquals("err1\nerr2", r.stderr());
    }

    @Test
    void execStreamsLinesAsTheyCome() {
        var rec = new Recorder();
        ExecResult r = target.exec(Command.of("sh", "-c", "echo first; echo early >&2; sleep 2; echo second"), rec);
        long end = System.nanoTime();
        assertEquals(0, r.exitCode());
        synchronized (rec.lines) {
            Line first = rec.lines.stream().filter(l -> l.text().equals("first")).findFirst().orElseThrow();
            Line early = rec.lines.stream().filter(l -> l.text().equals("early")).findFirst().orElseThrow();
            assertTrue(end - first.atNanos() > 1_000_000_000L, "stdout line was not delivered while running");
            assertTrue(end - early.atNanos() > 1_000_000_000L, "stderr line was not delivered while running");
        }
    }

    @Test
    void execReportsExitCodes() {
        assertEquals(0, target.exec(Command.of("true")).exitCode());
        assertEquals(1, target.exec(Command.of("false")).exitCode());
        assertEquals(42, target.exec(Command.of("sh", "-c", "exit 42")).exitCode());
        ExecResult missing = target.exec(Command.of("slipway-no-such-command", "x"));
        assertEquals(127, missing.exitCode());
        assertTrue(missing.stderr().contains("slipway-no-such-command"), missing.stderr());
    }

    @Test
    void execGivesTheCommandNoInput() {
        ExecResult r = target.exec(Command.of("cat"));
        assertEquals(0, r.exitCode());
        assertEquals("", r.stdout());
    }

    @Test
    void execCapturesLargeOutput() {
        ExecResult r = target.exec(Command.of("sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo line$i; echo e$i >&2; i=$((i+1)); done"));
        assertEquals(0, r.exitCode());
        assertEquals(20000, r.stdout().lines().count());
        assertEquals(20000, r.stderr().lines().count());
        assertTrue(r.stdout().endsWith("line19999\n"));
    }

    // ---------------------------------------------------------------- files

    @Test
    void writeCreatesNewFilesWith0644() {
        String f = dir + "/new.txt";
        target.writeFileAtomically(f, "hello\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("hello\n", new String(target.readFile(f), StandardCharsets.UTF_8));
        FileInfo info = target.stat(f).orElseThrow();
        assertEquals(0644, info.mode());
        assertEquals(6, info.size());
        assertFalse(info.directory());
    }

    @Test
    void atomicWriteKeepsMode0600AndLeavesNoTempFile() {
        String f = dir + "/.env";
        target.writeFileAtomically(f, "SECRET=1\n".getBytes(StandardCharsets.UTF_8), 0600);
        assertEquals(0600, target.stat(f).orElseThrow().mode());
        target.writeFileAtomically(f, "SECRET=2\nMORE=3\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(0600, target.stat(f).orElseThrow().mode());
        assertEquals("SECRET=2\nMORE=3\n", new String(target.readFile(f), StandardCharsets.UTF_8));
        assertEquals(List.of(".env"), target.list(dir));
        // An explicit mode wins over the existing one.
        target.writeFileAtomically(f, new byte[0], 0640);
        assertEquals(0640, target.stat(f).orElseThrow().mode());
        assertEquals(0, target.readFile(f).length);
    }

    @Test
    void atomicWriteKeepsModeSetOutsideSlipway() {
        String f = dir + "/compose.yml";
        target.writeFileAtomically(f, "a".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(0, target.exec(Command.of("chmod", "0751", f)).exitCode());
        target.writeFileAtomically(f, "b".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(0751, target.stat(f).orElseThrow().mode());
    }

    @Test
    void atomicWriteReplacesTheFileByRename() {
        String f = dir + "/file";
        target.writeFileAtomically(f, "old".getBytes(StandardCharsets.UTF_8), null);
        String inodeBefore = target.exec(Command.of("stat", "-c", "%i", f)).stdout().strip();
        target.writeFileAtomically(f, "new".getBytes(StandardCharsets.UTF_8), null);
        String inodeAfter = target.exec(Command.of("stat", "-c", "%i", f)).stdout().strip();
        assertFalse(inodeBefore.equals(inodeAfter), "the file was rewritten in place, not renamed over");
        assertEquals("new", new String(target.readFile(f), StandardCharsets.UTF_8));
    }

    @Test
    void atomicWriteKeepsBinaryBytes() {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + 7);
        String f = dir + "/blob.bin";
        target.writeFileAtomically(f, data, null);
        assertTrue(java.util.Arrays.equals(data, target.readFile(f)));
    }

    @Test
    void writeIntoMissingDirectoryFails() {
        var e = assertThrows(SlipwayException.class,
                () -> target.writeFileAtomically(dir + "/missing/x", new byte[] {1}, null));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(dir + "/missing/x"), e.getMessage());
    }

    @Test
    void filesWithAwkwardNames() {
        String name = "we ird*?[x] 'q' $v\\.txt";
        String f = dir + "/" + name;
        target.writeFileAtomically(f, "x".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(name), target.list(dir));
        assertEquals("x", new String(target.readFile(f), StandardCharsets.UTF_8));
        assertTrue(target.stat(f).isPresent());
        target.writeFileAtomically(f, "y".getBytes(StandardCharsets.UTF_8), 0600);
        assertEquals("y", new String(target.readFile(f), StandardCharsets.UTF_8));
        assertEquals(List.of(name), target.list(dir));
    }

    @Test
    void readingAMissingFileFailsClearly() {
        var e = assertThrows(SlipwayException.class, () -> target.readFile(dir + "/no-such-file"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(dir + "/no-such-file"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aFileStreamsIntoAStreamByteForByte() throws Exception {
        byte[] bytes = new byte[(3 << 20) + 17];
        new java.util.Random(18).nextBytes(bytes);
        target.writeFileAtomically(dir + "/big.bin", bytes, 0600);
        var out = new ByteArrayOutputStream();
        target.readFileInto(dir + "/big.bin", out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, out.toByteArray());

        var missing = assertThrows(SlipwayException.class, () -> target.readFileInto(dir + "/no-such-file", out));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        var local = assertThrows(java.io.IOException.class, () -> target.readFileInto(dir + "/big.bin", full));
        assertEquals("No space left on device", local.getMessage(), "this side's failure is this side's");
        assertEquals(List.of("big.bin"), target.list(dir), "the target is still usable: " + target.describe());
    }

    @Test
    void statTellsKindModeAndSize() {
        assertEquals(Optional.empty(), target.stat(dir + "/nothing"));
        assertEquals(Optional.empty(), target.stat(dir + "/nothing/below"));
        FileInfo d = target.stat(dir).orElseThrow();
        assertTrue(d.directory());
        assertEquals(0, target.exec(Command.of("chmod", "2750", dir)).exitCode());
        assertEquals(02750, target.stat(dir).orElseThrow().mode());
    }

    @Test
    void listGivesSortedNames() {
        target.mkdirs(dir + "/b-dir");
        target.writeFileAtomically(dir + "/c", new byte[0], null);
        target.writeFileAtomically(dir + "/a", new byte[0], null);
        target.writeFileAtomically(dir + "/.hidden", new byte[0], null);
        assertEquals(List.of(".hidden", "a", "b-dir", "c"), target.list(dir));
        assertEquals(List.of(), target.list(dir + "/b-dir"));
        var e = assertThrows(SlipwayException.class, () -> target.list(dir + "/missing"));
        assertTrue(e.getMessage().contains(dir + "/missing"), e.getMessage());
        assertThrows(SlipwayException.class, () -> target.list(dir + "/a"));
    }

    @Test
    void mkdirsCreatesParentsAndToleratesExisting() {
        String deep = dir + "/x/y/z";
        target.mkdirs(deep);
        assertTrue(target.stat(deep).orElseThrow().directory());
        target.mkdirs(deep);
        target.mkdirs(dir);
        target.writeFileAtomically(dir + "/file", new byte[0], null);
        var e = assertThrows(SlipwayException.class, () -> target.mkdirs(dir + "/file/sub"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
    }

    @Test
    void createDirectoryCreatesOnceAndTellsWhenSomethingIsThere() {
        String d = dir + "/lock";
        assertTrue(target.createDirectory(d));
        assertTrue(target.stat(d).orElseThrow().directory());
        assertFalse(target.createDirectory(d), "a second create must report the existing directory");
        target.writeFileAtomically(d + "/owner.json", "{}".getBytes(StandardCharsets.UTF_8), null);
        assertFalse(target.createDirectory(d));
        assertEquals(List.of("owner.json"), target.list(d), "an existing directory is left alone");
        // A file or a dangling symlink there counts as "already exists" too.
        target.writeFileAtomically(dir + "/file", "x".getBytes(StandardCharsets.UTF_8), null);
        assertFalse(target.createDirectory(dir + "/file"));
        assertFalse(target.stat(dir + "/file").orElseThrow().directory());
        assertEquals(0, target.exec(Command.of("ln", "-s", dir + "/nowhere", dir + "/dangling")).exitCode());
        assertFalse(target.createDirectory(dir + "/dangling"));
        assertEquals(Optional.empty(), target.stat(dir + "/nowhere"));
        // Awkward names reach the file system unchanged.
        String odd = dir + "/we ird*?[x] 'q' $v\\";
        assertTrue(target.createDirectory(odd));
        assertFalse(target.createDirectory(odd));
        assertTrue(target.list(dir).contains("we ird*?[x] 'q' $v\\"), target.list(dir).toString());
    }

    @Test
    void createDirectoryDoesNotCreateParents() {
        var missing = assertThrows(SlipwayException.class, () -> target.createDirectory(dir + "/missing/lock"));
        assertEquals(ExitCode.REFUSED, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("Cannot create the directory " + dir + "/missing/lock"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("no such file or directory"), missing.getMessage());
        assertEquals(Optional.empty(), target.stat(dir + "/missing"));

        target.writeFileAtomically(dir + "/file", new byte[0], null);
        var underFile = assertThrows(SlipwayException.class, () -> target.createDirectory(dir + "/file/lock"));
        assertEquals(ExitCode.REFUSED, underFile.exitCode());
        assertTrue(underFile.getMessage().contains(dir + "/file/lock"), underFile.getMessage());
    }

    @Test
    void createDirectoryWhereNotPermittedFails() {
        // sysfs refuses mkdir even to root (EPERM).
        var e = assertThrows(SlipwayException.class, () -> target.createDirectory("/sys/slipway-contract-test"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("Cannot create the directory /sys/slipway-contract-test"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("not permitted")
                || e.getMessage().toLowerCase().contains("permission denied"), e.getMessage());
    }

    @Test
    void createDirectoryHasExactlyOneWinnerUnderContention() throws Exception {
        int threads = 8;
        for (int round = 0; round < 10; round++) {
            String d = dir + "/race" + round;
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                var results = new ArrayList<java.util.concurrent.Future<Boolean>>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return target.createDirectory(d);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (var f : results) {
                    if (f.get(60, java.util.concurrent.TimeUnit.SECONDS)) winners++;
                }
                assertEquals(1, winners, "round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void absoluteResolvesPaths() {
        assertEquals(dir, target.absolute(dir));
        assertEquals(dir + "/b", target.absolute(dir + "/a/../b/."));
        String rel = target.absolute("some/rel");
        assertTrue(rel.startsWith("/") && rel.endsWith("/some/rel"), rel);
    }

    // ---------------------------------------------------------------- engine

    @Test
    void statOfAPathUnderARegularFileIsEmpty() {
        target.writeFileAtomically(dir + "/plain", new byte[] {1}, null);
        assertTrue(target.stat(dir + "/plain/child").isEmpty());
    }

    @Test
    void execRedirectsStdinAndStdoutToFilesOnTheTarget() {
        target.writeFileAtomically(dir + "/in.txt", "one\ntwo\n".getBytes(StandardCharsets.UTF_8), null);
        ExecResult r = target.exec(Command.in(dir, List.of("tr", "a-z", "A-Z")).readingFrom("in.txt").writingTo(dir + "/out.txt"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout(), "redirected output must not also come back");
        assertEquals("ONE\nTWO\n", new String(target.readFile(dir + "/out.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void openTcpReachesALoopbackServerFromTheTargetsSide() throws Exception {
        // The testbed registry listens on the target's 127.0.0.1 only.
        String[] hostPort = app.slipway.testbed.Testbed.require().registry().split(":");
        try (DuplexStream s = target.openTcp(hostPort[0], Integer.parseInt(hostPort[1]), java.time.Duration.ofSeconds(5))) {
            s.out().write("GET /v2/ HTTP/1.1\r\nHost: registry\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.out().flush();
            var buf = new ByteArrayOutputStream();
            s.in().transferTo(buf);
            assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"), buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void openTcpToAClosedPortFails() {
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> target.openTcp("127.0.0.1", 9, java.time.Duration.ofSeconds(5)).close());
    }

    @Test
    void engineSocketAnswersPing() throws Exception {
        assertEquals("OK", ping(target.engineSocket()));
        // Every open() is a fresh connection.
        assertEquals("OK", ping(target.engineSocket()));
    }

    static String ping(EngineSocket socket) throws Exception {
        try (DuplexStream s = socket.open()) {
            OutputStream out = s.out();
            out.write("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.in();
            var buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String response = buf.toString(StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            return body.strip();
        }
    }
}
