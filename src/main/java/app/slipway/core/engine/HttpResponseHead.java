package app.slipway.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The status line and headers of one HTTP/1.1 response; header names are case-insensitive. */
record HttpResponseHead(int status, String reason, Map<String, List<String>> headers) {

    /** Reads a head, skipping interim 1xx responses (other than 101, which ends the head). */
    static HttpResponseHead read(InputStream in) throws IOException {
        while (true) {
            HttpResponseHead head = readOne(in);
            if (head.status >= 200 || head.status == 101) {
                return head;
            }
        }
    }

    private static HttpResponseHead readOne(InputStream in) throws IOException {
        String statusLine = HttpLines.readLine(in);
        // "HTTP/1.1 200 OK": the reason phrase may be empty or hold spaces.
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new IOException("the Docker Engine answered with something that is not HTTP: " + printable(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the Docker Engine answered with a malformed HTTP status line: " + printable(statusLine));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while (!(line = HttpLines.readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the Docker Engine sent a malformed HTTP header line: " + printable(line));
            }
            String name = line.substring(0, colon).trim();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new HttpResponseHead(status, parts.length > 2 ? parts[2] : "", Collections.unmodifiableMap(headers));
    }

    /** The last value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** True when the body is chunked: "chunked" is the final transfer coding (RFC 9112 §6.3). */
    boolean isChunked() {
        List<String> values = headers.get("Transfer-Encoding");
        if (values == null) {
            return false;
        }
        String[] codings = String.join(",", values).split(",");
        return codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
    }

    /** The Content-Length, or -1 when absent. */
    long contentLength() throws IOException {
        String value = header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("the Docker Engine sent an invalid Content-Length: " + printable(value));
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
