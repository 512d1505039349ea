package app.slipway.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ntfy, Gotify and the webhook against a local receiver: the shapes each service takes, and failures without secrets. */
class HttpChannelsTest {
    private static final String TOKEN = "tk_very-secret-token";
    private HttpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new HttpReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    @Test
    void ntfyGetsJsonAtTheServerRootWithTheTopic() throws Exception {
        var ntfy = new NtfyChannel(receiver.url("/slipway-alerts"), Optional.of(TOKEN));

        ntfy.send(Notifications.updateAvailable(true));

        HttpReceiver.Request r = receiver.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/", r.path());
        assertEquals("Bearer " + TOKEN, r.headers().get("authorization"));
        JsonNode body = json(r.body());
        assertEquals("slipway-alerts", body.get("topic").asText());
        assertEquals("Fixture v2.1.0 is available (on 2.0.0), with breaking changes", body.get("title").asText());
        assertTrue(body.get("message").asText().contains("Current    2.0.0"), body.toString());
        assertEquals(4, body.get("priority").asInt(), "breaking changes: high priority");
        assertEquals("https://github.com/acme/app/releases/tag/v2.1.0", body.get("click").asText());
        assertEquals("ntfy (127.0.0.1:" + receiver.url("/").getPort() + ")", ntfy.describe());
    }

    @Test
    void ntfyBehindAPathPrefixAndWithoutAToken() throws Exception {
        new NtfyChannel(receiver.url("/ntfy/alerts/"), Optional.empty()).send(Notifications.updateAvailable(false));

        HttpReceiver.Request r = receiver.requests().get(0);
        assertEquals("/ntfy/", r.path());
        assertFalse(r.headers().containsKey("authorization"));
        assertEquals("alerts", json(r.body()).get("topic").asText());
        assertEquals(3, json(r.body()).get("priority").asInt());
    }

    @Test
    void gotifyGetsItsMessageEndpointAndKey() throws Exception {
        new GotifyChannel(receiver.url("/gotify/"), TOKEN).send(Notifications.rolledBack());

        HttpReceiver.Request r = receiver.requests().get(0);
        assertEquals("/gotify/message", r.path());
        assertEquals(TOKEN, r.headers().get("x-gotify-key"));
        JsonNode body = json(r.body());
        assertEquals("Fixture upgrade from 2.0.0 to 3.0.0: rolled back", body.get("title").asText());
        assertEquals(8, body.get("priority").asInt());
        assertEquals("https://github.com/acme/app/releases/tag/v3.0.0",
                body.get("extras").get("client::notification").get("click").get("url").asText());
    }

    @Test
    void theWebhookGetsEveryFieldAndItsHeaders() throws Exception {
        new WebhookChannel(receiver.url("/hooks/T0K3N-IN-PATH"), Map.of("X-Slipway-Secret", TOKEN))
                .send(Notifications.rolledBack());

        HttpReceiver.Request r = receiver.requests().get(0);
        assertEquals("application/json", r.headers().get("content-type"));
        assertEquals(TOKEN, r.headers().get("x-slipway-secret"));
        JsonNode body = json(r.body());
        assertEquals("upgrade", body.get("event").asText());
        assertEquals("rolled-back", body.get("outcome").asText());
        assertEquals("Fixture", body.get("product").asText());
        assertEquals("local", body.get("target").asText());
        assertEquals("/srv/fixture", body.get("directory").asText());
        assertEquals("2.0.0", body.get("from").asText());
        assertEquals("3.0.0", body.get("to").asText());
        assertTrue(body.get("breaking").asBoolean());
        assertEquals("20261201T101500Z-2.0.0-to-3.0.0", body.get("backup").asText());
        assertEquals("https://github.com/acme/app/releases/tag/v3.0.0", body.get("notesUrl").asText());
    }

    @Test
    void aRefusalNamesTheChannelAndHostButNeitherTokenNorPath() {
        receiver.status = 403;
        var webhook = new WebhookChannel(receiver.url("/hooks/T0K3N-IN-PATH"), Map.of("Authorization", "Bearer " + TOKEN));

        SlipwayException e = assertThrows(SlipwayException.class, () -> webhook.send(Notifications.updateAvailable(false)));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("webhook (127.0.0.1:" + receiver.url("/").getPort() + ") answered HTTP 403: check its token in notify.yml.",
                e.getMessage());
    }

    @Test
    void anUnreachableServerIsOneSentence() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var gotify = new GotifyChannel(URI.create("http://127.0.0.1:" + closed), TOKEN);

        SlipwayException e = assertThrows(SlipwayException.class, () -> gotify.send(Notifications.updateAvailable(false)));

        assertEquals("gotify (127.0.0.1:" + closed + ") cannot be reached (connection refused): check its url in notify.yml"
                + " and the network.", e.getMessage());
    }

    @Test
    void oneFailingChannelDoesNotKeepTheOthersFromTheirs() {
        receiver.status = 500;
        var failing = new WebhookChannel(receiver.url("/a"), Map.of());
        var fine = new Channel() {
            int sent;

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public void send(Notification notification) {
                sent++;
            }
        };

        List<Delivery> deliveries = new Notifier(List.of(failing, fine)).send(Notifications.updateAvailable(false));

        assertFalse(deliveries.get(0).sent());
        assertTrue(deliveries.get(0).failure().orElseThrow().contains("answered HTTP 500"));
        assertTrue(deliveries.get(1).sent());
        assertEquals(1, fine.sent);
    }
}
