package app.slipway.gui.version;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Which links from release notes may leave the app for the system browser: absolute http(s) URLs only. */
final class WebLinks {
    private WebLinks() {}

    static Optional<String> openable(String href) {
        if (href == null || href.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return web ? Optional.of(uri.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
