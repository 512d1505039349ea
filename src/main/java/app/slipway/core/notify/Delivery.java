package app.slipway.core.notify;

import java.util.Optional;

/** What became of one channel's notification: sent, or the sentence saying why not. */
public record Delivery(String channel, Optional<String> failure) {
    public boolean sent() {
        return failure.isEmpty();
    }
}
