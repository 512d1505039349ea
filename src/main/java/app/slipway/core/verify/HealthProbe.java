package app.slipway.core.verify;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.DuplexStream;
import app.slipway.core.host.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 GET of a health URL through {@link Target#openTcp}, so the URL is reached from the
 * target host's own point of view (over SSH: a channel of the session, no port opened anywhere).
 * Only the status line matters; the body is never read.
 */
public final class HealthProbe {
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?");
    private static final int LONGEST_LINE = 8192;

    private final Target target;
    private final Duration timeout;

    public HealthProbe(Target target) {
        this(target, REQUEST_TIMEOUT);
    }

    public HealthProbe(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** Refuses what this probe cannot GET (https, other schemes) with a sentence saying so. */
    public static void requireSupported(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw SlipwayException.badInput("The health URL " + url + " uses https, and https health URLs are not"
                    + " supported yet: use the app's plain http address on the server (e.g. http://127.0.0.1:PORT/up).");
        }
        if (!scheme.equals("http") || url.getHost() == null) {
            throw SlipwayException.badInput("The health URL " + url + " is not an http:// URL with a host:"
                    + " fix health.url in the profile.");
        }
    }

    /**
     * GETs the URL once. Never takes much longer than the timeout: the exchange runs on its own
     * thread because an SSH channel's stream has no read timeout of its own.
     *
     * @throws SlipwayException bad input for an unsupported URL; or the target's own failure when the
     *     connection to the target itself is lost (that is not the app's health)
     */
    public ProbeResult get(URI url) {
        requireSupported(url);
        AtomicReference<DuplexStream> open = new AtomicReference<>();
        FutureTask<ProbeResult> exchange = new FutureTask<>(() -> exchange(url, open));
        Thread thread = new Thread(exchange, "slipway-health-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ProbeResult.noAnswer("no answer within " + VerifyResult.seconds(timeout) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while probing " + url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SlipwayException s) throw s;
            return ProbeResult.noAnswer(reason(cause));
        } finally {
            exchange.cancel(true);
            closeQuietly(open.get()); // unblocks a read still waiting on a silent server
        }
    }

    private ProbeResult exchange(URI url, AtomicReference<DuplexStream> open) throws IOException {
        int port = url.getPort() == -1 ? 80 : url.getPort();
        String host = url.getHost();
        String connectHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host; // IPv6 literal
        try (DuplexStream stream = target.openTcp(connectHost, port, timeout)) {
            open.set(stream);
            OutputStream out = stream.out();
            out.write(request(url, host, port).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stream.in();
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return ProbeResult.noAnswer("the connection closed without an HTTP answer");
                }
                Matcher m = STATUS_LINE.matcher(line);
                if (!m.matches()) {
                    return ProbeResult.noAnswer("the answer is not HTTP (" + printable(line) + ")");
                }
                int status = Integer.parseInt(m.group(1));
                if (status >= 200 || status == 101) {
                    return ProbeResult.answered(status);
                }
                skipHeaders(in); // an interim 1xx answer; the real one follows
            }
        }
    }

    private static String request(URI url, String host, int port) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        String hostHeader = url.getPort() == -1 ? host : host + ":" + port;
        return "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: Slipway\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n";
    }

    private static void skipHeaders(InputStream in) throws IOException {
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            // headers of an interim answer carry nothing we need
        }
    }

    /** A CRLF- or LF-terminated line without its terminator; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= LONGEST_LINE) throw new IOException("an answer line longer than " + LONGEST_LINE + " bytes");
            line.write(b);
        }
        if (b == -1 && line.size() == 0) return null;
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String printable(String line) {
        String s = line.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String reason(Throwable e) {
        if (e instanceof java.net.ConnectException && (e.getMessage() == null || e.getMessage().startsWith("Connection refused"))) {
            return "connection refused";
        }
        if (e instanceof java.net.SocketTimeoutException) return "no answer within the timeout";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().replaceAll("\\s+", " ");
    }

    private static void closeQuietly(DuplexStream stream) {
        if (stream == null) return;
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // the probe is over; a failure to close changes nothing
        }
    }
}
