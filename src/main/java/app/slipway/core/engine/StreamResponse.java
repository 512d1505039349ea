package app.slipway.core.engine;

import app.slipway.core.host.DuplexStream;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One response on its own connection. The body is read straight from the socket as it arrives;
 * closing the body or the response closes the connection (there is no reuse to drain it for).
 */
final class StreamResponse implements DockerHttpClient.Response {
    private final HttpResponseHead head;
    private final InputStream body;
    private final DuplexStream connection;
    /** The client's set of open responses, which this one leaves when closed. */
    private final Set<StreamResponse> open;
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamResponse(HttpResponseHead head, InputStream decodedBody, DuplexStream connection, Set<StreamResponse> open) {
        this.head = head;
        this.connection = connection;
        this.open = open;
        this.body = new FilterInputStream(decodedBody) {
            @Override
            public void close() {
                StreamResponse.this.close();
            }
        };
    }

    @Override
    public int getStatusCode() {
        return head.status();
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return head.headers();
    }

    /** The first value of a header, any case of its name (the default looks the name up exactly). */
    @Override
    public String getHeader(String name) {
        List<String> values = head.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public InputStream getBody() {
        return body;
    }

    /** Idempotent and safe from another thread: it is how a caller aborts a long stream (a pull). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // the connection is gone either way; nothing more to release
            } finally {
                open.remove(this);
            }
        }
    }
}
