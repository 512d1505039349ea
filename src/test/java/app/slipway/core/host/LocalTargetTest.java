package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTargetTest extends TargetContract {
    @Override
    Target open() {
        return new LocalTarget(Map.of("DOCKER_HOST", SshTestbed.dockerHost()));
    }

    @Test
    void describesItself() {
        assertEquals("local", target.describe());
        assertFalse(target.isRemote());
        assertEquals(Path.of("rel").toAbsolutePath().toString(), target.absolute("rel"));
    }

    @Test
    void missingSocketIsRefusedWithOneSentence() {
        var local = new LocalTarget(Map.of("DOCKER_HOST", "unix:///var/run/slipway-no-such.sock"));
        var e = assertThrows(SlipwayException.class, () -> local.engineSocket().open());
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The Docker Engine is not reachable at unix:///var/run/slipway-no-such.sock: is it running?",
                e.getMessage());
    }

    @Test
    void defaultSocketWhenDockerHostIsUnset() {
        var local = new LocalTarget(Map.of());
        assertEquals("OK", assertDoesNotFail(() -> ping(local.engineSocket())));
    }

    @Test
    void deadSocketIsRefused(@TempDir Path tmp) throws Exception {
        Path sock = tmp.resolve("dead.sock");
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(sock));
        } // bound, then closed: the file stays, nobody listens
        var local = new LocalTarget(Map.of("DOCKER_HOST", "unix://" + sock));
        var e = assertThrows(SlipwayException.class, () -> local.engineSocket().open());
        assertEquals("The Docker Engine is not reachable at unix://" + sock + ": is it running?", e.getMessage());
    }

    @Test
    void tcpEngineRefused() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var local = new LocalTarget(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port));
        var e = assertThrows(SlipwayException.class, () -> local.engineSocket().open());
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The Docker Engine is not reachable at tcp://127.0.0.1:" + port + ": is it running?",
                e.getMessage());
    }

    @Test
    void unsupportedDockerHostIsBadInput() {
        var e = assertThrows(SlipwayException.class,
                () -> new LocalTarget(Map.of("DOCKER_HOST", "ssh://root@example.org")).engineSocket());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> DockerHost.parse("unix://relative.sock")).exitCode());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> DockerHost.parse("npipe:////./pipe/docker_engine")).exitCode());
    }

    @Test
    void dockerHostForms() {
        assertEquals(DockerHost.unix("/var/run/docker.sock"), DockerHost.parse(null));
        assertEquals(DockerHost.unix("/var/run/docker.sock"), DockerHost.parse(""));
        assertEquals("/run/user/1000/docker.sock", DockerHost.parse("unix:///run/user/1000/docker.sock").socketPath());
        DockerHost tcp = DockerHost.parse("tcp://127.0.0.1:2375");
        assertEquals("127.0.0.1", tcp.tcpHost());
        assertEquals(2375, tcp.tcpPort());
        assertEquals("tcp://127.0.0.1:2375", tcp.uri());
        assertEquals(2375, DockerHost.parse("tcp://localhost").tcpPort());
    }

    /** Runs a real JVM as the testbed user without docker group access against the real socket. */
    @Test
    void userWithoutDockerGroupIsToldSo() throws Exception {
        String user = SshTestbed.noDockerUser();
        String socket = SshTestbed.dockerSocketPath();
        String classes = new File(LocalTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        String testClasses = new File(NoDockerProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("runuser", "-u", user, "--", java, "-cp", classes + File.pathSeparator + testClasses,
                NoDockerProbe.class.getName(), "unix://" + socket).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("User " + user + " may not use the Docker socket " + socket + ": add it to the docker group"
                + " (sudo usermod -aG docker " + user + ") and log in again.", out);
    }

    @Test
    void missingProgramIs127NotAnException() {
        var rec = new Recorder();
        ExecResult r = target.exec(Command.of("/no/such/program"), rec);
        assertEquals(127, r.exitCode());
        assertEquals(1, rec.of(OutputSink.Stream.STDERR).size());
        Path notExecutable = Path.of(dir, "script.sh");
        target.writeFileAtomically(notExecutable.toString(), "#!/bin/sh\n".getBytes(), 0644);
        assertEquals(126, target.exec(Command.of(notExecutable.toString())).exitCode());
    }

    @Test
    void writeIntoDirectoryPathIsRefused() {
        var e = assertThrows(SlipwayException.class, () -> target.writeFileAtomically(dir, new byte[0], null));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
        assertTrue(Files.isDirectory(Path.of(dir)));
    }

    private static <T> T assertDoesNotFail(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
