package app.slipway.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyFileTest {
    private static final String FILE = "/srv/app/.slipway/notify.yml";
    private static final Function<String, String> NO_ENV = name -> null;

    private static List<String> described(String text, Function<String, String> env) {
        return NotifyFile.parse(text, FILE, env).stream().map(Channel::describe).toList();
    }

    private static String refusal(String text) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> NotifyFile.parse(text, FILE, NO_ENV));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void readsEveryKindOfChannel() {
        List<String> channels = described("""
                channels:
                  - type: ntfy
                    url: https://ntfy.sh/acme-updates
                  - type: gotify
                    url: https://gotify.example.com
                    token_env: GOTIFY_TOKEN
                  - type: webhook
                    url: https://hooks.example.com/T0K3N
                    headers: {X-Secret: abc}
                  - type: smtp
                    host: mail.example.com
                    username: alerts
                    password: s3cret
                    from: alerts@example.com
                    to: [ops@example.com, dev@example.com]
                  - type: smtp
                    host: 127.0.0.1
                    starttls: false
                    from: slipway@localhost.localdomain
                    to: root@localhost.localdomain
                  - type: smtp
                    host: smtp.example.net
                    tls: true
                    from: alerts@example.com
                    to: ops@example.com
                """, Map.of("GOTIFY_TOKEN", "A1b2C3")::get);

        assertEquals(List.of("ntfy (ntfy.sh)", "gotify (gotify.example.com)", "webhook (hooks.example.com)",
                "smtp (mail.example.com:587)", "smtp (127.0.0.1:25)", "smtp (smtp.example.net:465)"), channels,
                "ports default to 587 with STARTTLS, 465 with TLS from the start, else 25");
    }

    private static SmtpSecurity security(String channel) {
        var smtp = (SmtpChannel) NotifyFile.parse("channels:\n  - {type: smtp, host: m.example, from: a@b.example,"
                + " to: c@d.example, " + channel + "}\n", FILE, NO_ENV).get(0);
        return smtp.settings().security();
    }

    @Test
    void smtpSecurityIsTlsOnPort465UnlessStarttlsIsAskedForThere() {
        assertEquals(SmtpSecurity.STARTTLS, security("port: 587"));
        assertEquals(SmtpSecurity.TLS, security("port: 465"));
        assertEquals(SmtpSecurity.TLS, security("tls: true"));
        assertEquals(SmtpSecurity.STARTTLS, security("port: 465, starttls: true"));
        assertEquals(SmtpSecurity.NONE, security("starttls: false"));
        assertEquals(FILE + ", line 2: channels[0].starttls cannot be true beside tls: true (TLS from the first byte"
                + " needs no STARTTLS): keep one of them.", refusal("channels:\n  - {type: smtp, host: m.example,"
                + " from: a@b.example, to: c@d.example, tls: true, starttls: true}\n"));
    }

    @Test
    void anEmptyFileHasNoChannels() {
        assertEquals(List.of(), described("# none yet\n", NO_ENV));
        assertEquals(List.of(), described("channels: []\n", NO_ENV));
    }

    @Test
    void mistakesAreRefusedWithTheirLine() {
        assertEquals(FILE + ", line 3: channels[0].type must be ntfy, gotify, webhook or smtp (got 'slack').",
                refusal("channels:\n  - url: https://x.example/y\n    type: slack\n"));
        assertEquals(FILE + ", line 2: channels[0].type is missing.", refusal("channels:\n  - url: https://x.example/y\n"));
        assertEquals(FILE + ", line 4: in channels[0], 'priority' is not a setting Slipway knows; use type, url, token, token_env.",
                refusal("channels:\n  - type: ntfy\n    url: https://ntfy.sh/t\n    priority: 5\n"));
        assertEquals(FILE + ", line 3: channels[0].url must be the topic's URL, like https://ntfy.sh/my-topic.",
                refusal("channels:\n  - type: ntfy\n    url: https://ntfy.sh/\n"));
        assertEquals(FILE + ", line 2: channels[0] needs token (or token_env).",
                refusal("channels:\n  - type: gotify\n    url: https://g.example\n"));
        assertEquals(FILE + ", line 3: channels[0].port must be a whole number from 1 to 65535 (got '0').",
                refusal("channels:\n  - {type: smtp, host: m.example, from: a@b.example, to: c@d.example,\n     port: 0}\n"));
        assertEquals(FILE + ", line 5: channels[0].to[1] must be a plain address like ops@example.com (got 'Ops <ops@x.example>').",
                refusal("channels:\n  - type: smtp\n    host: m.example\n    from: a@b.example\n    to: [c@d.example, 'Ops <ops@x.example>']\n"));
        assertEquals(FILE + ", line 1: 'channel' is not a setting Slipway knows; use channels.", refusal("channel: []\n"));
        assertEquals(FILE + ", line 4: channels[0].headers.Host is set by Slipway itself; remove it.",
                refusal("channels:\n  - type: webhook\n    url: https://h.example/x\n    headers: {Host: evil.example}\n"));
    }

    @Test
    void aBadUrlIsRefusedWithoutRepeatingIt() {
        String message = refusal("channels:\n  - type: webhook\n    url: ftp://hooks.example.com/S3CRET-PATH\n");

        assertEquals(FILE + ", line 3: channels[0].url must be an http:// or https:// URL with a host.", message);
        assertFalse(message.contains("S3CRET"));
    }

    @Test
    void aSecretFromTheEnvironmentMustBeSetAndNotBesideTheFileOne() {
        SlipwayException unset = assertThrows(SlipwayException.class, () -> NotifyFile.parse(
                "channels:\n  - type: gotify\n    url: https://g.example\n    token_env: GOTIFY_TOKEN\n", FILE, NO_ENV));
        assertEquals(FILE + ", line 4: channels[0].token_env names GOTIFY_TOKEN, which is not set here.", unset.getMessage());

        assertEquals(FILE + ", line 5: channels[0].token_env cannot stand beside token; keep one.",
                refusal("channels:\n  - type: gotify\n    url: https://g.example\n    token: abc\n    token_env: T\n"));
        assertEquals(FILE + ", line 2: channels[0] needs password (or password_env).",
                refusal("channels:\n  - type: smtp\n    host: m.example\n    username: u\n    from: a@b.example\n    to: c@d.example\n"));
    }

    @Test
    void theStacksChannelsThenTheUsers(@TempDir Path dir) throws Exception {
        Path stack = dir.resolve("stack");
        Files.createDirectories(stack.resolve(".slipway"));
        Files.writeString(stack.resolve(".slipway/notify.yml"), "channels:\n  - {type: ntfy, url: 'https://ntfy.example/team'}\n");
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("slipway"));
        Files.writeString(config.resolve("slipway/notify.yml"), "channels:\n  - {type: ntfy, url: 'https://ntfy.sh/mine'}\n");
        Function<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString())::get;

        List<Channel> channels = NotifyFile.channels(new LocalTarget(), stack.toString(), env);

        assertEquals(List.of("ntfy (ntfy.example)", "ntfy (ntfy.sh)"), channels.stream().map(Channel::describe).toList());
        assertEquals(config.resolve("slipway/notify.yml"), NotifyFile.userPath(env));
        Function<String, String> emptyConfig = Map.of("XDG_CONFIG_HOME", dir.resolve("none").toString())::get;
        assertTrue(NotifyFile.channels(new LocalTarget(), dir.resolve("other").toString(), emptyConfig).isEmpty(),
                "no files: no channels");
    }
}
