package app.slipway.core.host;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** One open byte stream in both directions: a unix socket, a TCP socket or an SSH channel. */
public interface DuplexStream extends Closeable {
    InputStream in();

    OutputStream out();
}
