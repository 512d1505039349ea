package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport against the real engine on this machine. */
class StreamDockerHttpClientEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamDockerHttpClient client = new StreamDockerHttpClient(new UnixEngineSocket());

    @BeforeAll
    static void engine() {
        DockerCli.requireEngine();
    }

    private static DockerHttpClient.Request request(Method method, String path) {
        return DockerHttpClient.Request.builder().method(method).path(path).build();
    }

    @Test
    void pingsTheEngine() throws IOException {
        try (DockerHttpClient.Response response = client.execute(request(Method.GET, "/_ping"))) {
            assertEquals(200, response.getStatusCode());
            assertEquals("OK", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(response.getHeader("api-version").matches("\\d+\\.\\d+"), response.getHeaders().toString());
        }
    }

    @Test
    void readsTheVersionOnAnUnversionedPath() throws IOException {
        try (DockerHttpClient.Response response = client.execute(request(Method.GET, "/version"))) {
            assertEquals(200, response.getStatusCode());
            JsonNode version = JSON.readTree(response.getBody());
            assertEquals("linux", version.get("Os").asText());
            // unversioned: the engine answers in its own (maximum) API version
            assertEquals(response.getHeader("Api-Version"), version.get("ApiVersion").asText());
        }
    }

    @Test
    void passesErrorStatusAndBodyThrough() throws IOException {
        try (DockerHttpClient.Response response = client.execute(request(Method.GET, "/containers/slipway-no-such-container/json"))) {
            assertEquals(404, response.getStatusCode());
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("No such container"), body);
        }
    }

    @Test
    void streamsAChunkedPullResponse() throws IOException {
        String image = DockerCli.FIXTURE;
        try (DockerHttpClient.Response response = client.execute(
                request(Method.POST, "/images/create?fromImage=" + image + "&tag=2.0.0"))) {
            assertEquals(200, response.getStatusCode());
            assertEquals("chunked", response.getHeader("transfer-encoding"));
            try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(response.getBody())) {
                List<JsonNode> all = messages.readAll();
                assertTrue(all.size() >= 2, all.toString());
                assertTrue(all.get(all.size() - 1).get("status").asText().startsWith("Status: "), all.toString());
            }
        }
    }

    @Test
    void closingTheBodyClosesTheConnection() throws IOException {
        WatchedEngineSocket socket = new WatchedEngineSocket();
        InputStream body = new StreamDockerHttpClient(socket).execute(request(Method.GET, "/version")).getBody();
        body.read();
        body.close();
        assertEquals(1, socket.closed.get());
    }

    @Test
    void dockerJavaSendsUnversionedPaths() {
        WatchedEngineSocket socket = new WatchedEngineSocket();
        try (Engine engine = Engine.connect(socket, null)) {
            engine.version();
        }
        assertTrue(socket.sent().startsWith("GET /version HTTP/1.1\r\nHost: docker\r\n"), socket.sent());
        assertEquals(1, socket.closed.get(), "one connection per request, closed after it");
    }
}
