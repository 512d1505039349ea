package app.slipway.core.notify;

import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * A mail through an SMTP server (the JDK has no mail API, so this speaks the protocol itself):
 * TLS from the first byte (SMTPS) or EHLO then STARTTLS (then EHLO again) unless told to speak
 * plainly, AUTH PLAIN or LOGIN when a user is given, then one message to every recipient. A
 * password is only ever sent over TLS.
 */
public final class SmtpChannel implements Channel {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param security TLS from the start, STARTTLS required before anything else is said, or a plain session
     * @param login    user name and password, when the server wants a login
     */
    public record Settings(String host, int port, SmtpSecurity security, Optional<Login> login, String from,
                           List<String> to) {
        public Settings {
            to = List.copyOf(to);
        }
    }

    /** A login; its password never appears in a message, log or toString. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    private final Settings settings;
    private final SSLSocketFactory tls;
    private final Clock clock;

    public SmtpChannel(Settings settings) {
        this(settings, defaultTls(), Clock.systemDefaultZone());
    }

    /** @param tls the TLS sockets for SMTPS and STARTTLS (tests trust their own server's certificate) */
    public SmtpChannel(Settings settings, SSLSocketFactory tls, Clock clock) {
        this.settings = settings;
        this.tls = tls;
        this.clock = clock;
    }

    /** What notify.yml said, for its tests. */
    Settings settings() {
        return settings;
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS", e);
        }
    }

    @Override
    public String describe() {
        return "smtp (" + settings.host() + ":" + settings.port() + ")";
    }

    @Override
    public void send(Notification n) {
        String mail = MailMessage.of(settings.from(), settings.to(), n.title(), n.text(), ZonedDateTime.now(clock));
        try (SmtpConnection smtp = SmtpConnection.open(settings.host(), settings.port(), TIMEOUT)) {
            if (settings.security() == SmtpSecurity.TLS) smtp.startTls(tls, settings.host(), settings.port());
            expect(smtp.read(), 220, "did not greet Slipway");
            SmtpReply ehlo = hello(smtp);
            if (settings.security() == SmtpSecurity.STARTTLS) {
                if (!ehlo.offers("STARTTLS")) throw refused("offers no STARTTLS", "set starttls: false in notify.yml only if it has no TLS at all");
                expect(smtp.command("STARTTLS"), 220, "refused STARTTLS");
                smtp.startTls(tls, settings.host(), settings.port());
                ehlo = hello(smtp);
            }
            if (settings.login().isPresent()) logIn(smtp, ehlo, settings.login().get());
            expect(smtp.command("MAIL FROM:<" + settings.from() + ">"), 250, "refused the sender " + settings.from());
            for (String recipient : settings.to()) {
                SmtpReply reply = smtp.command("RCPT TO:<" + recipient + ">");
                if (reply.code() != 250 && reply.code() != 251) throw refused("refused the recipient " + recipient, reply);
            }
            expect(smtp.command("DATA"), 354, "refused the message");
            smtp.write(MailMessage.forData(mail));
            expect(smtp.read(), 250, "refused the message");
            smtp.command("QUIT"); // the mail is accepted; how the server says goodbye does not matter
        } catch (SSLException e) {
            throw refused("could not be spoken to over TLS (its certificate is not trusted for " + settings.host()
                    + (settings.security() == SmtpSecurity.TLS ? ", or it does not speak TLS from the first byte: then"
                    + " remove tls: true to use STARTTLS" : ", or TLS failed") + ")");
        } catch (IOException e) {
            throw refused("cannot be reached (" + why(e) + ")");
        }
    }

    private SmtpReply hello(SmtpConnection smtp) throws IOException {
        SmtpReply ehlo = smtp.command("EHLO " + smtp.localLiteral());
        if (ehlo.code() == 250) return ehlo;
        // A server from before ESMTP: no extensions, so no STARTTLS and no AUTH either.
        SmtpReply helo = smtp.command("HELO " + smtp.localLiteral());
        expect(helo, 250, "refused EHLO and HELO");
        return helo;
    }

    private void logIn(SmtpConnection smtp, SmtpReply ehlo, Login login) throws IOException {
        if (!smtp.isEncrypted()) {
            throw refused("would get the password of " + login.username() + " in the clear", "set starttls: true in notify.yml");
        }
        String mechanisms = ehlo.parameters("AUTH");
        if (mechanisms == null) throw refused("offers no login (AUTH)", "remove username and password from the smtp channel in notify.yml");
        SmtpReply reply;
        if (List.of(mechanisms.split(" ")).contains("PLAIN")) {
            reply = smtp.command("AUTH PLAIN " + base64("\0" + login.username() + "\0" + login.password()));
        } else if (List.of(mechanisms.split(" ")).contains("LOGIN")) {
            expect(smtp.command("AUTH LOGIN"), 334, "refused the login");
            expect(smtp.command(base64(login.username())), 334, "refused the login");
            reply = smtp.command(base64(login.password()));
        } else {
            throw refused("offers no login Slipway speaks (PLAIN or LOGIN; it offers " + mechanisms + ")");
        }
        if (reply.code() != 235) {
            throw refused("refused the login of " + login.username() + " (" + reply.quoted() + ")",
                    "check username and password of the smtp channel in notify.yml");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void expect(SmtpReply reply, int code, String otherwise) {
        if (reply.code() != code) throw refused(otherwise, reply);
    }

    private SlipwayException refused(String what, SmtpReply reply) {
        return refused(what + " (" + reply.quoted() + ")");
    }

    private SlipwayException refused(String what) {
        return refused(what, "check the smtp channel in notify.yml");
    }

    /** "The mail server HOST:PORT WHAT: TODO." */
    private SlipwayException refused(String what, String todo) {
        return SlipwayException.refused("The mail server " + settings.host() + ":" + settings.port() + " " + what + ": " + todo + ".");
    }

    private static String why(IOException e) {
        if (e instanceof ConnectException) return "connection refused";
        if (e instanceof SocketTimeoutException) return "no answer in time";
        if (e instanceof UnknownHostException) return "unknown host";
        return e.getMessage() == null ? "the connection failed" : e.getMessage();
    }
}
