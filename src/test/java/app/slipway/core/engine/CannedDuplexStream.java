package app.slipway.core.engine;

import app.slipway.core.host.DuplexStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test-only: serves a fixed response and records the request written to it. */
final class CannedDuplexStream implements DuplexStream {
    private final ByteArrayInputStream response;
    final ByteArrayOutputStream request = new ByteArrayOutputStream();
    boolean closed;

    CannedDuplexStream(String response) {
        this.response = new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    String requestText() {
        return request.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public InputStream in() {
        return response;
    }

    @Override
    public OutputStream out() {
        return request;
    }

    @Override
    public void close() {
        closed = true;
    }
}
