package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How Slipway decides the new version is up (README §Profiles {@code health}): an HTTP URL that must answer
 * 2xx, probed from the target host's own point of view, within an overall time budget.
 *
 * @param urlTemplate the URL as written in the profile; may refer to the stack's {@code .env}
 *     ({@code http://127.0.0.1:${PORT:-3000}/up}), see {@link EnvTemplate}
 * @param timeout overall budget for the new version to become healthy
 */
public record HealthCheck(String urlTemplate, Duration timeout) {
    /** Budget used when a profile gives none (the SPEC's example value). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    public HealthCheck {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The URL with every {@code .env} reference at its default, e.g. {@code http://127.0.0.1:3000/up}. */
    public URI url() {
        return url(Map.of());
    }

    /**
     * The URL for a stack whose {@code .env} holds {@code env} (e.g. a changed {@code PORT}).
     *
     * @throws SlipwayException (bad input) when the values from {@code env} do not make a valid URL
     */
    public URI url(Map<String, String> env) {
        String expanded = EnvTemplate.expand(urlTemplate, env);
        try {
            URI uri = new URI(expanded);
            if (uri.getHost() != null) return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        throw SlipwayException.badInput("The health URL " + expanded + " (from " + urlTemplate
                + " and the stack's .env) is not a valid URL; check the variables it uses in .env.");
    }
}
