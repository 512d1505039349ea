package app.slipway.core.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the line-oriented parts of HTTP/1.1 (status line, headers, chunk sizes, trailers). */
final class HttpLines {
    /** A header line longer than this means the peer is not speaking HTTP; stop before memory runs out. */
    static final int MAX_LINE = 64 * 1024;

    private HttpLines() {}

    /**
     * One line without its CRLF (a bare LF is accepted too, as most clients do). Bytes are
     * ISO-8859-1, the charset HTTP/1.1 heads are defined in. Fails on EOF before the line ends.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the Docker Engine closed the connection in the middle of an HTTP line");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("an HTTP line from the Docker Engine is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
