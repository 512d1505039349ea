package app.slipway.core.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A blocking {@link SocketChannel} as a {@link DuplexStream}. Unlike
 * {@code Channels.newInputStream}, reads and writes do not share a lock, so one thread may read
 * while another writes (needed for attached container streams).
 */
final class SocketChannelStream implements DuplexStream {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    SocketChannelStream(SocketChannel channel) {
        this.channel = channel;
        this.in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                int n;
                do {
                    n = channel.read(ByteBuffer.wrap(b, off, len));
                } while (n == 0);
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.shutdownInput();
            }
        };
        this.out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }

            @Override
            public void close() throws IOException {
                channel.shutdownOutput();
            }
        };
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
