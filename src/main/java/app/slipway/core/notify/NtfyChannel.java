package app.slipway.core.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ntfy (ntfy.sh or a self-hosted server): published as JSON to the server's root with the topic in
 * the body (so titles need no header encoding); the topic is the URL's last path segment.
 * A token, when given, goes as a bearer token.
 */
public final class NtfyChannel implements Channel {
    private final URI server;
    private final String topic;
    private final Optional<String> token;

    /** @param topicUrl {@code https://ntfy.sh/my-topic} */
    public NtfyChannel(URI topicUrl, Optional<String> token) {
        String path = topicUrl.getPath() == null ? "" : topicUrl.getPath().replaceAll("/+$", "");
        int slash = path.lastIndexOf('/');
        if (slash < 0 || slash == path.length() - 1) throw new IllegalArgumentException("the URL names no topic");
        this.topic = path.substring(slash + 1);
        this.server = topicUrl.resolve(path.substring(0, slash + 1));
        this.token = token;
    }

    @Override
    public String describe() {
        return "ntfy (" + HttpDelivery.host(server) + ")";
    }

    @Override
    public void send(Notification n) {
        var body = new LinkedHashMap<String, Object>();
        body.put("topic", topic);
        body.put("title", n.title());
        body.put("message", n.text());
        body.put("tags", List.of(n.isFailure() ? "warning" : n.event().equals(Notification.CHECK) ? "arrow_up" : "white_check_mark"));
        body.put("priority", n.isFailure() || n.breaking().orElse(false) ? 4 : 3);
        n.notesUrl().ifPresent(url -> body.put("click", url));
        Map<String, String> headers = token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of());
        HttpDelivery.postJson(describe(), server, headers, body);
    }
}
