package app.slipway.core.notify;

import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.List;

/** Sends one notification to every channel: one that fails does not keep the others from theirs. */
public final class Notifier {
    private final List<Channel> channels;

    public Notifier(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    public List<Delivery> send(Notification notification) {
        var deliveries = new ArrayList<Delivery>();
        for (Channel channel : channels) {
            try {
                channel.send(notification);
                deliveries.add(new Delivery(channel.describe(), java.util.Optional.empty()));
            } catch (SlipwayException e) {
                deliveries.add(new Delivery(channel.describe(), java.util.Optional.of(e.getMessage())));
            }
        }
        return deliveries;
    }
}
