package app.slipway.core.notify;

import java.net.URI;
import java.util.Map;

/** Any URL that takes the notification's fields ({@link Notification#asJson()}) as a JSON POST, with optional headers. */
public final class WebhookChannel implements Channel {
    private final URI url;
    private final Map<String, String> headers;

    public WebhookChannel(URI url, Map<String, String> headers) {
        this.url = url;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public String describe() {
        return "webhook (" + HttpDelivery.host(url) + ")";
    }

    @Override
    public void send(Notification n) {
        HttpDelivery.postJson(describe(), url, headers, n.asJson());
    }
}
