package app.slipway.core.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1): chunk extensions and trailers are read and
 * dropped. A read never waits for more than the chunk at hand, so a streamed body (the engine
 * flushes one JSON progress message per chunk) reaches the reader as soon as it is sent.
 */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    /** Bytes left in the current chunk; 0 before the first chunk and between chunks. */
    private long remaining;
    private boolean afterFirstChunk;
    private boolean done;
    private boolean closed;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (done || (remaining == 0 && !nextChunk())) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("the Docker Engine closed the connection in the middle of a chunk");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return done || closed ? 0 : (int) Math.min(in.available(), remaining);
    }

    /** Moves to the next chunk; false at the last (zero-size) chunk, after its trailers. */
    private boolean nextChunk() throws IOException {
        if (afterFirstChunk) {
            String end = HttpLines.readLine(in);
            if (!end.isEmpty()) {
                throw new IOException("a chunk from the Docker Engine is longer than its announced size");
            }
        }
        afterFirstChunk = true;
        remaining = parseSize(HttpLines.readLine(in));
        if (remaining == 0) {
            // Trailer fields end with an empty line; the engine sends none, but they are legal.
            while (!HttpLines.readLine(in).isEmpty()) {
                // dropped: nothing in docker-java reads trailers
            }
            done = true;
            return false;
        }
        return true;
    }

    private static long parseSize(String line) throws IOException {
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).trim();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new IOException("the Docker Engine sent an invalid chunk size line: " + line);
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("the Docker Engine sent an invalid chunk size line: " + line);
        }
    }

    /** Marks the stream closed; the connection underneath is closed by the response that owns it. */
    @Override
    public void close() {
        closed = true;
    }
}
