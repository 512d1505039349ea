package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HTTP framing against canned responses: what the real engine rarely or never sends, but may. */
class StreamDockerHttpClientFramingTest {

    private static String get(CannedDuplexStream stream) throws IOException {
        try (DockerHttpClient.Response response = execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static DockerHttpClient.Response execute(CannedDuplexStream stream, DockerHttpClient.Request request) {
        return new StreamDockerHttpClient(() -> stream).execute(request);
    }

    @Test
    void decodesChunksWithExtensionsAndTrailers() throws IOException {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n"
                + "5;name=value\r\nhello\r\n"
                + "19 ; quoted=\"x;y\"\r\n, chunked world with hex!\r\n"
                + "0\r\n"
                + "Trailer-One: 1\r\n"
                + "Trailer-Two: 2\r\n"
                + "\r\n");
        assertEquals("hello, chunked world with hex!", get(stream));
        assertTrue(stream.closed, "closing the response closes the connection");
    }

    @Test
    void decodesChunksWithBareLineFeeds() throws IOException {
        assertEquals("abcdef", get(new CannedDuplexStream(
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n3\ndef\n0\n\n")));
    }

    @Test
    void readsOneChunkAtATimeSoStreamsArriveAsSent() throws IOException {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\n{a}\n\r\n" + "4\r\n{b}\n\r\n" + "0\r\n\r\n");
        try (DockerHttpClient.Response response = execute(stream, ping())) {
            InputStream body = response.getBody();
            byte[] buffer = new byte[100];
            assertEquals(4, body.read(buffer), "one read returns one chunk, never waits for the next");
            assertEquals(4, body.read(buffer));
            assertEquals(-1, body.read(buffer));
        }
    }

    @Test
    void truncatedChunkIsAnError() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort");
        assertThrows(IOException.class, () -> get(stream));
    }

    @Test
    void invalidChunkSizeIsAnError() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        assertThrows(IOException.class, () -> get(stream));
    }

    @Test
    void readsBodyByContentLengthAndIgnoresWhatFollows() throws IOException {
        assertEquals("OK", get(new CannedDuplexStream("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nOKextra")));
    }

    @Test
    void readsBodyToEndOfStreamWithoutLengthOrChunks() throws IOException {
        assertEquals("raw stream", get(new CannedDuplexStream("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nraw stream")));
    }

    @Test
    void skipsInterimResponsesAndKeepsHeadersCaseInsensitive() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nAPI-Version: 1.41\r\nContent-Length: 0\r\n\r\n");
        try (DockerHttpClient.Response response = execute(stream, ping())) {
            assertEquals(404, response.getStatusCode());
            assertEquals("1.41", response.getHeader("api-version"));
            assertEquals("1.41", response.getHeaders().get("Api-Version").get(0));
        }
    }

    @Test
    void notHttpIsAnUncheckedIoError() {
        CannedDuplexStream stream = new CannedDuplexStream("SSH-2.0-OpenSSH_9.2\r\n");
        assertThrows(UncheckedIOException.class, () -> execute(stream, ping()));
        assertTrue(stream.closed);
    }

    @Test
    void writesRequestLineHostCloseAndLengthOfByteBody() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 204 No Content\r\n\r\n");
        execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/containers/create?name=a")
                .putHeader("content-type", "application/json")
                .bodyBytes("{}".getBytes(StandardCharsets.UTF_8))
                .build()).close();
        assertEquals("POST /containers/create?name=a HTTP/1.1\r\n"
                + "Host: docker\r\n"
                + "content-type: application/json\r\n"
                + "Connection: close\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "{}", stream.requestText());
    }

    @Test
    void uploadsAStreamBodyInChunks() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/load")
                .body(new ByteArrayInputStream("tar bytes".getBytes(StandardCharsets.UTF_8)))
                .build()).close();
        String request = stream.requestText();
        assertTrue(request.contains("\r\nTransfer-Encoding: chunked\r\n"), request);
        assertTrue(request.endsWith("\r\n\r\n9\r\ntar bytes\r\n0\r\n\r\n"), request);
    }

    @Test
    void postWithoutBodySendsZeroLength() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 204 No Content\r\n\r\n");
        execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/containers/x/start").build()).close();
        assertTrue(stream.requestText().contains("\r\nContent-Length: 0\r\n"));
    }

    @Test
    void refusesHeaderInjection() {
        CannedDuplexStream stream = new CannedDuplexStream("HTTP/1.1 204 No Content\r\n\r\n");
        assertThrows(IllegalArgumentException.class, () -> execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping")
                .putHeader("X-Registry-Auth", "a\r\nEvil: 1").build()));
        assertTrue(stream.closed);
    }

    @Test
    void hijackedStdinIsNotSupported() {
        CannedDuplexStream stream = new CannedDuplexStream("");
        assertThrows(UnsupportedOperationException.class, () -> execute(stream, DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/exec/x/start")
                .hijackedInput(InputStream.nullInputStream()).build()));
    }

    private static DockerHttpClient.Request ping() {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
    }
}
