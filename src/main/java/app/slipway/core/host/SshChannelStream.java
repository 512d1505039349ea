package app.slipway.core.host;

import com.jcraft.jsch.Channel;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open SSH channel (a forwarded socket) as a {@link DuplexStream}. Writes are sent when the
 * output is flushed or its buffer fills; closing the output sends EOF (a half-close).
 */
final class SshChannelStream implements DuplexStream {
    private final Channel channel;
    private final InputStream in;
    private final OutputStream out;

    SshChannelStream(Channel channel, InputStream in, OutputStream out) {
        this.channel = channel;
        this.in = in;
        this.out = out;
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
    public void close() {
        channel.disconnect();
    }
}
