package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.registry.LoginAdvice;
import app.slipway.core.registry.RegistryCredential;
import app.slipway.core.registry.RegistryLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The tags of an image repository, read with the OCI distribution API
 * ({@code GET /v2/<name>/tags/list}, every page). When the registry answers 401 the login saved
 * for it ({@link RegistryLogins}: the target user's {@code docker login}) is looked up and used —
 * Basic auth, or the bearer-token exchange at the realm the registry names (anonymous when there is
 * no login, as public Docker Hub, ghcr.io and GitLab images need). Loopback registries are spoken
 * to over plain http, as the testbed's are; every other registry over https.
 */
public final class RegistryTags {
    private static final Supplier<ObjectMapper> JSON = Http.once(ObjectMapper::new);
    private static final int PAGE_SIZE = 100;

    private final Supplier<OkHttpClient> http;
    private final RegistryLogins logins;

    /** Anonymous look-ups. */
    public RegistryTags(OkHttpClient http) {
        this(http, RegistryLogins.none());
    }

    public RegistryTags(OkHttpClient http, RegistryLogins logins) {
        this.http = () -> http;
        this.logins = logins;
    }

    private RegistryTags(Supplier<OkHttpClient> http, RegistryLogins logins) {
        this.http = http;
        this.logins = logins;
    }

    /** The shared client (built on the first look-up, see {@link Http#once}) with this computer's user's logins. */
    public static RegistryTags standard() {
        return standard(RegistryLogins.of(new LocalTarget()));
    }

    /** The shared client with the given logins: a target's, when the versions are for a stack there. */
    public static RegistryTags standard(RegistryLogins logins) {
        return new RegistryTags(Http::client, logins);
    }

    /**
     * Every tag of {@code imageRepository} (e.g. {@code 127.0.0.1:5555/slipway-fixture/app}); empty
     * when the registry does not know the repository.
     *
     * @throws SlipwayException refused when the registry cannot be reached, wants a login Slipway
     *     does not have (saying where to run {@code docker login}), or refuses to list tags
     */
    public Set<String> tags(String imageRepository) {
        ImageRef image = ImageRef.parse(imageRepository);
        HttpUrl url = baseUrl(image.registry()).newBuilder()
                .addPathSegment("v2").addPathSegments(image.repository()).addPathSegment("tags").addPathSegment("list")
                .addQueryParameter("n", Integer.toString(PAGE_SIZE)).build();
        Set<String> tags = new LinkedHashSet<>();
        Optional<String> authorization = Optional.empty();
        boolean sentLogin = false;
        try {
            while (url != null) {
                Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
                authorization.ifPresent(a -> request.header("Authorization", a));
                try (Response response = http.get().newCall(request.build()).execute()) {
                    if (response.code() == 401 && authorization.isEmpty()) {
                        // Only now is the login looked up: public registries never need it.
                        Optional<RegistryCredential> login = logins.forRegistry(image.registry());
                        sentLogin = login.isPresent();
                        authorization = Optional.of(authorize(image, response.header("WWW-Authenticate"), login));
                        continue; // the same page again, now authorized
                    }
                    if (response.code() == 401 || (response.code() == 403 && authorization.isPresent())) {
                        throw refusedLogin(image, sentLogin);
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

    /**
     * Answers the 401 challenge: a bearer token from the realm the registry named (asked with the
     * login, or anonymously), or the login itself as Basic auth.
     */
    private String authorize(ImageRef image, String challengeHeader, Optional<RegistryCredential> login) throws IOException {
        Optional<BearerChallenge> bearer = BearerChallenge.parse(challengeHeader);
        if (bearer.isPresent()) return "Bearer " + token(image, bearer.get(), login);
        boolean basic = challengeHeader != null && challengeHeader.trim().regionMatches(true, 0, "Basic", 0, 5);
        if (basic && login.isPresent() && !login.get().hasIdentityToken()) {
            return Credentials.basic(login.get().username(), login.get().password(), StandardCharsets.UTF_8);
        }
        throw refusedLogin(image, login.isPresent());
    }

    /**
     * A pull token from the realm: a login's user name and password go as Basic auth, an identity
     * token as an OAuth2 refresh token (POST, as Docker sends it); without a login it is anonymous.
     */
    private String token(ImageRef image, BearerChallenge challenge, Optional<RegistryCredential> login) throws IOException {
        HttpUrl realm = HttpUrl.parse(challenge.realm());
        if (realm == null) {
            throw SlipwayException.refused("The registry " + image.registry() + " named an invalid token service ("
                    + challenge.realm() + "); try again later.");
        }
        String scope = challenge.scope().orElse("repository:" + image.repository() + ":pull");
        Request.Builder request = new Request.Builder();
        if (login.isPresent() && login.get().hasIdentityToken()) {
            FormBody.Builder form = new FormBody.Builder().add("grant_type", "refresh_token")
                    .add("refresh_token", login.get().identityToken()).add("client_id", "slipway").add("scope", scope);
            challenge.service().ifPresent(s -> form.add("service", s));
            request.url(realm).post(form.build());
        } else {
            HttpUrl.Builder tokenUrl = realm.newBuilder();
            challenge.service().ifPresent(s -> tokenUrl.addQueryParameter("service", s));
            tokenUrl.addQueryParameter("scope", scope);
            request.url(tokenUrl.build());
            login.ifPresent(l -> request.header("Authorization",
                    Credentials.basic(l.username(), l.password(), StandardCharsets.UTF_8)));
        }
        try (Response response = http.get().newCall(request.build()).execute()) {
            if (response.code() == 401 || response.code() == 403) throw refusedLogin(image, login.isPresent());
            if (!response.isSuccessful()) {
                throw SlipwayException.refused("The registry " + image.registry() + " gave no token for "
                        + image.repository() + " (HTTP " + response.code() + "); try again later.");
            }
            JsonNode json = JSON.get().readTree(response.body().string());
            String token = json.hasNonNull("token") ? json.get("token").asText() : json.path("access_token").asText("");
            if (token.isBlank()) {
                throw SlipwayException.refused("The registry " + image.registry() + " sent an empty token; try again later.");
            }
            return token;
        }
    }

    /** The login sentence; what was read is dropped, so a {@code docker login} made after it counts on the next try. */
    private SlipwayException refusedLogin(ImageRef image, boolean sentLogin) {
        logins.forget(image.registry());
        return LoginAdvice.tagsRefused(image.registry(), image.repository(), logins, sentLogin);
    }

    /** http for loopback registries (the testbed's), https otherwise; Docker Hub's API lives on registry-1. */
    static HttpUrl baseUrl(String registry) {
        String host = registry.replaceFirst(":[0-9]+$", "").toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        String authority = registry.equals(ImageRef.DOCKER_HUB) ? "registry-1.docker.io" : registry;
        return HttpUrl.get((loopback ? "http://" : "https://") + authority + "/");
    }
}
