package app.slipway.core.notify;

/**
 * One place notifications go (README §Notifications): ntfy, Gotify, a webhook or a mail server.
 * Its description names the kind and the host only: a webhook's path or a topic can be a secret.
 */
public interface Channel {
    /** "ntfy (ntfy.sh)", "smtp (mail.example.com:587)". */
    String describe();

    /**
     * Delivers the notification, or fails with a one-sentence {@code SlipwayException} that names
     * the channel and never its token or password.
     */
    void send(Notification notification);
}
