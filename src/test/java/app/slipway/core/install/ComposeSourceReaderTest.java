package app.slipway.core.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ComposeSource;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ComposeSourceReaderTest {
    @Test
    void keepsAComposeFileNameComposeKnowsElseDockerComposeYml() {
        assertEquals("compose.yml", ComposeSourceReader.fileName(ComposeSource.ofPath("compose.yml", Path.of("/p/compose.yml"))));
        assertEquals("docker-compose.yml", ComposeSourceReader.fileName(
                ComposeSource.ofPath("stack.yml", Path.of("/p/stack.yml"))));
        assertEquals("docker-compose.yaml", ComposeSourceReader.fileName(ComposeSource.ofUrl("u",
                URI.create("https://example.com/x/docker-compose.yaml"))));
        assertEquals("docker-compose.yml", ComposeSourceReader.fileName(ComposeSource.ofUrl("u",
                URI.create("https://example.com/download?file=1"))));
    }

    @Test
    void readsTheFileBesideTheProfile() throws Exception {
        Path file = Files.createTempFile("slipway-compose-", ".yml");
        try {
            Files.writeString(file, "services: {}\n");
            var read = ComposeSourceReader.read(ComposeSource.ofPath("x", file));
            assertEquals("docker-compose.yml", read.fileName());
            assertArrayEquals("services: {}\n".getBytes(StandardCharsets.UTF_8), read.content());
        } finally {
            Files.delete(file);
        }
        var e = assertThrows(SlipwayException.class,
                () -> ComposeSourceReader.read(ComposeSource.ofPath("x", Path.of("/nonexistent/compose.yml"))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @Test
    void fetchesAUrlAndRefusesClearlyWhenItFails() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/compose.yaml", ex -> {
            byte[] body = "services: {}\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var read = ComposeSourceReader.read(ComposeSource.ofUrl("u", URI.create(base + "/compose.yaml")));
            assertEquals("compose.yaml", read.fileName());
            assertEquals("services: {}\n", new String(read.content(), StandardCharsets.UTF_8));

            var missing = assertThrows(SlipwayException.class,
                    () -> ComposeSourceReader.read(ComposeSource.ofUrl("u", URI.create(base + "/nope.yml"))));
            assertEquals(ExitCode.REFUSED, missing.exitCode());
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        } finally {
            server.stop(0);
        }
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var unreachable = assertThrows(SlipwayException.class, () -> ComposeSourceReader.read(
                ComposeSource.ofUrl("u", URI.create("http://127.0.0.1:" + closed + "/compose.yml"))));
        assertEquals(ExitCode.REFUSED, unreachable.exitCode());
        assertTrue(unreachable.getMessage().contains("could not be fetched"), unreachable.getMessage());
    }
}
