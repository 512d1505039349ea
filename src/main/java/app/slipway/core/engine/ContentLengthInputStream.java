package app.slipway.core.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body of a known length: ends after that many bytes, fails when the connection ends first. */
final class ContentLengthInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    ContentLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw truncated();
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    private EOFException truncated() {
        return new EOFException("the Docker Engine closed the connection " + remaining + " bytes before the end of the response body");
    }
}
