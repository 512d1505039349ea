package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.profile.Profile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The product's health URL as the world reaches it — through the load balancer in front of the
 * services, from this machine — polled until it answers 2xx or the profile's health budget runs out.
 *
 * @param url the load balancer's address with the profile's health path ({@code https://strata.example.com/up})
 */
public record LoadBalancerCheck(URI url, Duration budget) {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The URL to check: {@code given} as it is when it has a path, else {@code given} with the path of
     * the profile's health URL ({@code /up}); empty when no URL was given.
     */
    public static Optional<LoadBalancerCheck> of(Optional<String> given, Profile profile) {
        return given.filter(s -> !s.isBlank()).map(text -> {
            URI base;
            try {
                base = new URI(text.strip());
            } catch (java.net.URISyntaxException e) {
                throw SlipwayException.badInput("--health-url " + text + " is not a URL: give the load balancer's"
                        + " address, e.g. https://strata.example.com.");
            }
            if (base.getScheme() == null || base.getHost() == null
                    || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
                throw SlipwayException.badInput("--health-url " + text + " is not an http(s) URL with a host: give the"
                        + " load balancer's address, e.g. https://strata.example.com.");
            }
            String path = base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
                    ? profile.health().url().getRawPath() : base.getRawPath();
            return new LoadBalancerCheck(base.resolve(path == null || path.isEmpty() ? "/" : path),
                    profile.health().timeout());
        });
    }

    /** Returns once the URL answers 2xx; throws with the last answer when the budget runs out. */
    public void await(Duration pollEvery, app.slipway.core.verify.Sleeper sleeper, RunListener listener)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Instant deadline = Instant.now().plus(budget);
        String last = "no answer yet";
        boolean said = false;
        while (true) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 == 2) return;
                last = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (!said) {
                listener.on(new RunEvent.Notice(url + " answers " + last + "; asking again until it answers 2xx."));
                said = true;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(url + " did not answer 2xx within " + DeploymentWatch.words(budget)
                        + " (last: " + last + ")");
            }
            sleeper.sleep(pollEvery);
        }
    }
}
