package app.slipway.core.engine;

import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.EngineSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** Test-only: the local engine's unix socket, standing in for LocalTarget's. */
final class UnixEngineSocket implements EngineSocket {
    static final String DEFAULT_PATH = "/var/run/docker.sock";

    private final String path;

    UnixEngineSocket(String path) {
        this.path = path;
    }

    UnixEngineSocket() {
        this(DEFAULT_PATH);
    }

    @Override
    public DuplexStream open() throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel);
        return new DuplexStream() {
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
        };
    }
}
