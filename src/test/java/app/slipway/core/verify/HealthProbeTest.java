package app.slipway.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe against a one-connection loopback server that answers whatever the test says. */
class HealthProbeTest {
    private final LocalTarget target = new LocalTarget();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        if (server != null) server.close();
        target.close();
    }

    /** Serves one connection: records the request head, then sends {@code answer} (null: stay silent). */
    private URI serve(String path, String answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) requestLines.add(line);
                if (answer == null) {
                    Thread.sleep(10_000);
                    return;
                }
                s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                Thread.sleep(200); // like a server that keeps the connection open after the answer
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    @Test
    void twoHundredIsHealthyAndTheRequestIsPlainHttp11() throws Exception {
        URI url = serve("/up?x=1", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n2.0.0");
        ProbeResult r = new HealthProbe(target).get(url);
        assertEquals(new ProbeResult(200, null), r);
        assertTrue(r.healthy());
        assertEquals("GET /up?x=1 HTTP/1.1", requestLines.get(0));
        assertTrue(requestLines.contains("Host: 127.0.0.1:" + url.getPort()), requestLines.toString());
        assertTrue(requestLines.contains("Connection: close"), requestLines.toString());
    }

    @Test
    void anyTwoHundredIsHealthyAndHttp10IsUnderstood() throws Exception {
        ProbeResult r = new HealthProbe(target).get(serve("", "HTTP/1.0 204 No Content\r\n\r\n"));
        assertTrue(r.healthy(), r.toString());
        assertEquals("GET / HTTP/1.1", requestLines.get(0));
    }

    @Test
    void fourOhFourIsAnAnswerButNotHealthy() throws Exception {
        ProbeResult r = new HealthProbe(target).get(serve("/up", "HTTP/1.1 404 Not Found\r\n\r\nnope"));
        assertEquals(new ProbeResult(404, "answered 404"), r);
        assertFalse(r.healthy());
        assertTrue(r.answered());
    }

    @Test
    void interimAnswersAreSkipped() throws Exception {
        ProbeResult r = new HealthProbe(target).get(serve("/up",
                "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"));
        assertEquals(200, r.status());
    }

    @Test
    void somethingThatIsNotHttpIsNoAnswer() throws Exception {
        ProbeResult r = new HealthProbe(target).get(serve("/up", "SSH-2.0-OpenSSH_9.2\r\n"));
        assertEquals(-1, r.status());
        assertTrue(r.problem().contains("not HTTP"), r.problem());
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult r = new HealthProbe(target).get(URI.create("http://127.0.0.1:" + port + "/up"));
        assertEquals(ProbeResult.noAnswer("connection refused"), r);
    }

    @Test
    void aSilentServerTimesOutWithinTheRequestTimeout() throws Exception {
        URI url = serve("/up", null);
        long start = System.nanoTime();
        ProbeResult r = new HealthProbe(target, Duration.ofMillis(700)).get(url);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(-1, r.status());
        assertTrue(tookMs < 3000, "took " + tookMs + " ms");
        assertTrue(r.problem().contains("no answer"), r.problem());
    }

    @Test
    void theDefaultRequestTimeoutIsFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), HealthProbe.REQUEST_TIMEOUT);
    }

    @Test
    void httpsIsRefusedWithASentence() {
        var e = assertThrows(SlipwayException.class,
                () -> new HealthProbe(target).get(URI.create("https://127.0.0.1:3000/up")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("https health URLs are not supported yet"), e.getMessage());
        var other = assertThrows(SlipwayException.class, () -> HealthProbe.requireSupported(URI.create("ftp://h/up")));
        assertEquals(ExitCode.BAD_INPUT, other.exitCode());
    }

    @Test
    void problemIsNullExactlyWhenHealthy() {
        var all = new ArrayList<ProbeResult>();
        for (int s : new int[] {200, 201, 299, 300, 301, 404, 500}) all.add(ProbeResult.answered(s));
        for (ProbeResult r : all) assertEquals(r.healthy(), r.problem() == null, r.toString());
        assertNull(ProbeResult.answered(200).problem());
    }
}
