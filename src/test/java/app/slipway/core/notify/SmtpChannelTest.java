package app.slipway.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail through a real SMTP server (aiosmtpd on 127.0.0.1): plain, STARTTLS or SMTPS with a login, and the refusals. */
class SmtpChannelTest {
    private static final String PASSWORD = "s3cret-smtp-password";
    /** The login the test server requires, and the channel's setting for it. */
    private static final Map<String, String> LOGIN = Map.of("SMTP_TEST_USER", "alerts", "SMTP_TEST_PASSWORD", PASSWORD);
    private static final Optional<SmtpChannel.Login> ALERTS = Optional.of(new SmtpChannel.Login("alerts", PASSWORD));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    private static SmtpChannel.Settings settings(int port, boolean starttls, Optional<SmtpChannel.Login> login) {
        return settings(port, starttls ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE, login);
    }

    private static SmtpChannel.Settings settings(int port, SmtpSecurity security, Optional<SmtpChannel.Login> login) {
        return new SmtpChannel.Settings("127.0.0.1", port, security, login, "slipway@example.com",
                List.of("ops@example.com", "dev@example.com"));
    }

    /** A self-signed certificate and its key for {@code name} (openssl, as Debian carries it beside Java). */
    private Path[] certificate(String subjectAltName) throws Exception {
        Path cert = dir.resolve("cert-" + System.nanoTime() + ".pem");
        Path key = dir.resolve("key-" + System.nanoTime() + ".pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=slipway-test", "-addext", "subjectAltName=" + subjectAltName,
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "openssl failed: " + output);
        return new Path[] {cert, key};
    }

    /** TLS sockets that trust exactly this certificate. */
    private static SSLSocketFactory trusting(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls.getSocketFactory();
    }

    private static SmtpChannel channel(SmtpChannel.Settings settings, SSLSocketFactory tls) {
        return new SmtpChannel(settings, tls, CLOCK);
    }

    @Test
    void aPlainSessionDeliversOneMailToEveryRecipient() throws Exception {
        try (SmtpReceiver server = SmtpReceiver.start(dir)) {
            SmtpChannel smtp = channel(settings(server.port(), false, Optional.empty()), null);

            smtp.send(Notifications.updateAvailable(true));

            SmtpReceiver.Received mail = server.await(1).get(0);
            assertEquals("slipway@example.com", mail.from());
            assertEquals(List.of("ops@example.com", "dev@example.com"), mail.to());
            assertFalse(mail.tls());
            String data = mail.data();
            assertTrue(data.contains("Subject: Fixture v2.1.0 is available (on 2.0.0), with breaking changes\r\n"), data);
            assertTrue(data.contains("From: slipway@example.com\r\n"), data);
            assertTrue(data.contains("To: ops@example.com, dev@example.com\r\n"), data);
            assertTrue(data.contains("Date: Tue, 1 Dec 2026 12:00:00 GMT\r\n"), data);
            assertTrue(data.contains("Content-Type: text/plain; charset=UTF-8\r\n"), data);
            assertTrue(data.contains("\r\n\r\nProduct    Fixture\r\n"), data);
            assertTrue(data.contains("Notes      https://github.com/acme/app/releases/tag/v2.1.0"), data);
            assertEquals("smtp (127.0.0.1:" + server.port() + ")", smtp.describe());
        }
    }

    @Test
    void starttlsThenALoginAndNeverThePasswordInTheClear() throws Exception {
        Path[] pair = certificate("IP:127.0.0.1");
        try (SmtpReceiver server = SmtpReceiver.start(dir, pair[0], pair[1], LOGIN)) {
            SmtpReceiver.Received mail = sentLoggedInOverTls(server,
                    channel(settings(server.port(), true, ALERTS), trusting(pair[0])));
            assertTrue(mail.data().contains("Backup     20261201T101500Z-2.0.0-to-3.0.0\r\n"), mail.data());

            SlipwayException plain = assertThrows(SlipwayException.class,
                    () -> channel(settings(server.port(), false, ALERTS), null).send(Notifications.rolledBack()));
            assertEquals("The mail server 127.0.0.1:" + server.port() + " would get the password of alerts in the clear: set"
                    + " starttls: true in notify.yml.", plain.getMessage());
        }
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByteThenLogsIn() throws Exception {
        Path[] pair = certificate("IP:127.0.0.1");
        try (SmtpReceiver server = SmtpReceiver.startImplicitTls(dir, pair[0], pair[1], LOGIN)) {
            sentLoggedInOverTls(server, channel(settings(server.port(), SmtpSecurity.TLS, ALERTS), trusting(pair[0])));
        }
    }

    /** Sends the rolled-back notice through {@code smtp}; it arrived over TLS, logged in, whole. */
    private static SmtpReceiver.Received sentLoggedInOverTls(SmtpReceiver server, SmtpChannel smtp) throws Exception {
        smtp.send(Notifications.rolledBack());
        SmtpReceiver.Received mail = server.await(1).get(0);
        assertTrue(mail.tls());
        assertTrue(mail.authenticated());
        assertTrue(mail.data().contains("Subject: Fixture upgrade from 2.0.0 to 3.0.0: rolled back\r\n"), mail.data());
        return mail;
    }

    @Test
    void smtpsAgainstAServerThatGreetsInTheClearSaysWhatToChange() throws Exception {
        Path[] pair = certificate("IP:127.0.0.1");
        try (SmtpReceiver server = SmtpReceiver.start(dir, pair[0], pair[1], Map.of())) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> channel(settings(server.port(),
                    SmtpSecurity.TLS, Optional.empty()), trusting(pair[0])).send(Notifications.rolledBack()));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("The mail server 127.0.0.1:" + server.port() + " could not be spoken to over TLS (its"
                    + " certificate is not trusted for 127.0.0.1, or it does not speak TLS from the first byte: then remove"
                    + " tls: true to use STARTTLS): check the smtp channel in notify.yml.", e.getMessage());
            assertEquals(0, server.received().size());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRepeatingIt() throws Exception {
        Path[] pair = certificate("IP:127.0.0.1");
        try (SmtpReceiver server = SmtpReceiver.start(dir, pair[0], pair[1], LOGIN)) {
            var wrong = Optional.of(new SmtpChannel.Login("alerts", "not-the-password"));

            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> channel(settings(server.port(), true, wrong), trusting(pair[0])).send(Notifications.rolledBack()));

            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertTrue(e.getMessage().startsWith("The mail server 127.0.0.1:" + server.port() + " refused the login of alerts (535"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("): check username and password of the smtp channel in notify.yml."), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password"));
            assertEquals(0, server.received().size());
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        Path[] pair = certificate("DNS:mail.other.example");
        try (SmtpReceiver server = SmtpReceiver.start(dir, pair[0], pair[1], Map.of())) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> channel(settings(server.port(), true, Optional.empty()), trusting(pair[0]))
                            .send(Notifications.updateAvailable(false)));

            assertEquals("The mail server 127.0.0.1:" + server.port() + " could not be spoken to over TLS (its certificate is"
                    + " not trusted for 127.0.0.1, or TLS failed): check the smtp channel in notify.yml.", e.getMessage());
        }
    }

    @Test
    void starttlsRequiredButNotOffered() throws Exception {
        try (SmtpReceiver server = SmtpReceiver.start(dir)) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> channel(settings(server.port(), true, Optional.empty()), null).send(Notifications.updateAvailable(false)));

            assertEquals("The mail server 127.0.0.1:" + server.port() + " offers no STARTTLS: set starttls: false in notify.yml"
                    + " only if it has no TLS at all.", e.getMessage());
        }
    }

    @Test
    void linesStartingWithADotAndNonAsciiTextSurvive() throws Exception {
        try (SmtpReceiver server = SmtpReceiver.start(dir)) {
            var n = new Notification("upgrade", "done", "Fähre", "local", "/srv/fähre", Optional.of("1.0.0"), Optional.of("1.1.0"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(".hidden line\n..two dots"));

            channel(settings(server.port(), false, Optional.empty()), null).send(n);

            String data = server.await(1).get(0).data();
            assertTrue(data.contains("Subject: =?UTF-8?B?"), data);
            assertTrue(data.contains("Content-Transfer-Encoding: base64\r\n"), data);
            String body = data.substring(data.indexOf("\r\n\r\n") + 4);
            String text = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Product    Fähre\r\n"), text);
            assertTrue(text.endsWith("\r\n.hidden line\r\n..two dots\r\n") || text.endsWith("\r\n.hidden line\r\n..two dots"), text);
        }
    }

    @Test
    void dotStuffingForData() {
        assertEquals("..a\r\nb\r\n..c\r\n.\r\n", new String(MailMessage.forData(".a\r\nb\r\n.c\r\n"), StandardCharsets.UTF_8));
    }

    @Test
    void unreachableServerIsOneSentence() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> channel(settings(closed, false, Optional.empty()), null).send(Notifications.updateAvailable(false)));

        assertEquals("The mail server 127.0.0.1:" + closed + " cannot be reached (connection refused): check the smtp channel"
                + " in notify.yml.", e.getMessage());
    }
}
