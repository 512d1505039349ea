package app.slipway.core.notify;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The wire of an SMTP session (RFC 5321): commands out as CRLF lines, replies in with their
 * continuation lines, and the switch to TLS after {@code STARTTLS} (the server's name checked
 * against its certificate, as HTTPS does).
 */
final class SmtpConnection implements AutoCloseable {
    private static final int MAX_LINE = 8192;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpConnection(Socket socket) throws IOException {
        use(socket);
    }

    static SmtpConnection open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 10_000));
            socket.setSoTimeout((int) timeout.toMillis());
            return new SmtpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    /** The address this end uses, for EHLO: {@code [127.0.0.1]}. */
    String localLiteral() {
        String address = socket.getLocalAddress().getHostAddress();
        return address.contains(":") ? "[IPv6:" + address + "]" : "[" + address + "]";
    }

    boolean isEncrypted() {
        return socket instanceof SSLSocket;
    }

    SmtpReply command(String line) throws IOException {
        send(line);
        return read();
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes raw bytes (a message's data) without waiting for a reply. */
    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    SmtpReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("the server sent something that is not an SMTP reply");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') return new SmtpReply(Integer.parseInt(line.substring(0, 3)), lines);
        }
    }

    private String readLine() throws IOException {
        var bytes = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) throw new IOException("the server closed the connection");
            if (b == '\n') break;
            if (bytes.size() > MAX_LINE) throw new IOException("the server sent a line too long for SMTP");
            bytes.write(b);
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** After the server's 220 to STARTTLS: the same socket, now TLS, with the host name verified. */
    void startTls(SSLSocketFactory tls, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(socket.getSoTimeout());
        ssl.startHandshake();
        use(ssl);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to say to this server
        }
    }
}
