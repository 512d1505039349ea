package app.slipway.core.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gotify: {@code POST /message} with the application's token in {@code X-Gotify-Key}. */
public final class GotifyChannel implements Channel {
    private final URI server;
    private final String token;

    /** @param server the server's base URL ({@code https://gotify.example.com}) */
    public GotifyChannel(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    @Override
    public String describe() {
        return "gotify (" + HttpDelivery.host(server) + ")";
    }

    @Override
    public void send(Notification n) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", n.title());
        body.put("message", n.text());
        body.put("priority", n.isFailure() || n.breaking().orElse(false) ? 8 : 5);
        n.notesUrl().ifPresent(url -> body.put("extras", Map.of("client::notification", Map.of("click", Map.of("url", url)))));
        String base = server.toString().replaceAll("/+$", "");
        HttpDelivery.postJson(describe(), URI.create(base + "/message"), Map.of("X-Gotify-Key", token), body);
    }
}
