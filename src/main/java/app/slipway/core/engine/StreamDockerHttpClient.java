package app.slipway.core.engine;

import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.EngineSocket;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docker-java's transport, written over an {@link EngineSocket} so the same code reaches a local
 * socket and a remote one through SSH. Plain HTTP/1.1 with one connection per request
 * ({@code Connection: close}): no pool to keep healthy across an SSH session, and a response's end
 * is simply its connection's end when the engine sends neither a length nor chunks.
 *
 * <p>Failures to connect or to speak HTTP surface as {@link UncheckedIOException} (the interface
 * declares no checked exception); a {@code SlipwayException} from the socket passes through.
 */
public final class StreamDockerHttpClient implements DockerHttpClient {
    /** The engine ignores Host, but HTTP/1.1 requires one (Go's server answers 400 without it). */
    private static final String HOST = "docker";
    /** Framing headers this client writes itself; a caller's copy would contradict the body it sends. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding");

    private final EngineSocket socket;
    private final Set<StreamResponse> open = ConcurrentHashMap.newKeySet();

    public StreamDockerHttpClient(EngineSocket socket) {
        this.socket = socket;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            // Hijacked stdin (attach/exec with input) needs a half-close to tell the engine that stdin
            // ended, and DuplexStream has none; Slipway feeds stdin through Target.exec instead.
            throw new UnsupportedOperationException("StreamDockerHttpClient does not support hijacked stdin (attach or exec with input)");
        }
        DuplexStream connection = connect();
        try {
            OutputStream out = new BufferedOutputStream(connection.out(), 16 * 1024);
            writeRequest(request, out);
            InputStream in = new BufferedInputStream(connection.in(), 16 * 1024);
            HttpResponseHead head = HttpResponseHead.read(in);
            StreamResponse response = new StreamResponse(head, bodyOf(request.method(), head, in), connection, open);
            open.add(response);
            return response;
        } catch (IOException e) {
            closeQuietly(connection);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private DuplexStream connect() {
        try {
            return socket.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRequest(Request request, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(token(request.method())).append(' ').append(target(request.path())).append(" HTTP/1.1\r\n");
        header(head, "Host", HOST);
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            if (!OWN_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                header(head, token(h.getKey()), h.getValue());
            }
        }
        header(head, "Connection", "close");
        byte[] bytes = request.bodyBytes();
        InputStream stream = bytes == null ? request.body() : null;
        if (bytes != null) {
            header(head, "Content-Length", Integer.toString(bytes.length));
        } else if (stream != null) {
            header(head, "Transfer-Encoding", "chunked");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            header(head, "Content-Length", "0");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bytes != null) {
            out.write(bytes);
        } else if (stream != null) {
            try (stream) {
                ChunkedOutputStream chunked = new ChunkedOutputStream(out);
                stream.transferTo(chunked);
                chunked.finish();
            }
        }
        out.flush();
    }

    /** The decoded body, chosen by RFC 9112 §6.3: no body, chunked, by length, or up to the connection's end. */
    private static InputStream bodyOf(String method, HttpResponseHead head, InputStream in) throws IOException {
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        if (head.isChunked()) {
            return new ChunkedInputStream(in);
        }
        long length = head.contentLength();
        return length >= 0 ? new ContentLengthInputStream(in, length) : in;
    }

    private static void header(StringBuilder head, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("HTTP header " + name + " holds a line break");
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    /** Method and header names: visible ASCII without separators, so nothing can split the request. */
    private static String token(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
            throw new IllegalArgumentException("not an HTTP token: " + s);
        }
        return s;
    }

    /** docker-java escapes paths and query values; anything still holding spaces or controls is a bug. */
    private static String target(String path) {
        if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("not an HTTP request target: " + path);
        }
        return path;
    }

    private static void closeQuietly(DuplexStream connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }

    /** Closes every response still open, which ends any stream being read (a pull, a log). */
    @Override
    public void close() {
        for (StreamResponse response : Set.copyOf(open)) {
            response.close();
        }
    }
}
