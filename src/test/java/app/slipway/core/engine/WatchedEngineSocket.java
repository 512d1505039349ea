package app.slipway.core.engine;

import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.EngineSocket;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only: the real socket, recording what is sent and how many connections were closed. */
final class WatchedEngineSocket implements EngineSocket {
    private final EngineSocket real = new UnixEngineSocket();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    final AtomicInteger closed = new AtomicInteger();

    String sent() {
        synchronized (sent) {
            return sent.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public DuplexStream open() throws IOException {
        DuplexStream connection = real.open();
        OutputStream tee = new FilterOutputStream(connection.out()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (sent) {
                    sent.write(b, off, len);
                }
                out.write(b, off, len);
            }
        };
        return new DuplexStream() {
            @Override
            public InputStream in() {
                return connection.in();
            }

            @Override
            public OutputStream out() {
                return tee;
            }

            @Override
            public void close() throws IOException {
                closed.incrementAndGet();
                connection.close();
            }
        };
    }
}
