package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ImageRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The tags of an image repository, read with the OCI distribution API
 * ({@code GET /v2/<name>/tags/list}, every page), including the anonymous bearer-token exchange
 * public registries (Docker Hub, ghcr.io, GitLab) demand. Loopback registries are spoken to over
 * plain http, as the testbed's is; every other registry over https.
 */
public final class RegistryTags {
    private static final Supplier<ObjectMapper> JSON = Http.once(ObjectMapper::new);
    private static final int PAGE_SIZE = 100;

    private final Supplier<OkHttpClient> http;

    public RegistryTags(OkHttpClient http) {
        this.http = () -> http;
    }

    private RegistryTags(Supplier<OkHttpClient> http) {
        this.http = http;
    }

    /** The shared client, built on the first look-up (see {@link Http#once}). */
    public static RegistryTags standard() {
        return new RegistryTags(Http::client);
    }

    /**
     * Every tag of {@code imageRepository} (e.g. {@code 127.0.0.1:5555/slipway-fixture/app}); empty
     * when the registry does not know the repository.
     *
     * @throws SlipwayException refused when the registry cannot be reached or refuses to list tags
     */
    public Set<String> tags(String imageRepository) {
        ImageRef image = ImageRef.parse(imageRepository);
        HttpUrl url = baseUrl(image.registry()).newBuilder()
                .addPathSegment("v2").addPathSegments(image.repository()).addPathSegment("tags").addPathSegment("list")
                .addQueryParameter("n", Integer.toString(PAGE_SIZE)).build();
        Set<String> tags = new LinkedHashSet<>();
        Optional<String> token = Optional.empty();
        try {
            while (url != null) {
                Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
                token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
                try (Response response = http.get().newCall(request.build()).execute()) {
                    if (response.code() == 401 && token.isEmpty()) {
                        token = Optional.of(anonymousToken(image, response.header("WWW-Authenticate")));
                        continue; // the same page again, now with the token
                    }
                    if (response.code() == 404) return Set.of();
                    if (!response.isSuccessful()) {
                        throw SlipwayException.refused("The registry " + image.registry() + " refused to list the tags of "
                                + image.repository() + " (HTTP " + response.code() + "): check the image name in the profile.");
                    }
                    JsonNode list = JSON.get().readTree(response.body().string()).path("tags");
                    for (JsonNode tag : list) tags.add(tag.asText());
                    HttpUrl current = url;
                    url = LinkHeader.next(response.header("Link")).map(current::resolve).orElse(null);
                }
            }
        } catch (IOException e) {
            throw SlipwayException.refused("The registry " + image.registry() + " cannot be reached (" + e.getMessage()
                    + "): check the network, then try again.", e);
        }
        return tags;
    }

    /** Answers the 401 challenge: an anonymous pull token from the realm the registry named. */
    private String anonymousToken(ImageRef image, String challengeHeader) throws IOException {
        BearerChallenge challenge = BearerChallenge.parse(challengeHeader).orElseThrow(() -> SlipwayException.refused(
                "The registry " + image.registry() + " wants credentials to list the tags of " + image.repository()
                        + ", and Slipway only reads public images: check the image name in the profile."));
        HttpUrl realm = HttpUrl.parse(challenge.realm());
        if (realm == null) {
            throw SlipwayException.refused("The registry " + image.registry() + " named an invalid token service ("
                    + challenge.realm() + "); try again later.");
        }
        HttpUrl.Builder tokenUrl = realm.newBuilder();
        challenge.service().ifPresent(s -> tokenUrl.addQueryParameter("service", s));
        tokenUrl.addQueryParameter("scope", challenge.scope().orElse("repository:" + image.repository() + ":pull"));
        try (Response response = http.get().newCall(new Request.Builder().url(tokenUrl.build()).build()).execute()) {
            if (!response.isSuccessful()) {
                throw SlipwayException.refused("The registry " + image.registry() + " gave no anonymous token for "
                        + image.repository() + " (HTTP " + response.code() + "): the image may be private.");
            }
            JsonNode json = JSON.get().readTree(response.body().string());
            String token = json.hasNonNull("token") ? json.get("token").asText() : json.path("access_token").asText("");
            if (token.isBlank()) {
                throw SlipwayException.refused("The registry " + image.registry() + " sent an empty token; try again later.");
            }
            return token;
        }
    }

    /** http for loopback registries (the testbed's), https otherwise; Docker Hub's API lives on registry-1. */
    static HttpUrl baseUrl(String registry) {
        String host = registry.replaceFirst(":[0-9]+$", "").toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        String authority = registry.equals(ImageRef.DOCKER_HUB) ? "registry-1.docker.io" : registry;
        return HttpUrl.get((loopback ? "http://" : "https://") + authority + "/");
    }
}
