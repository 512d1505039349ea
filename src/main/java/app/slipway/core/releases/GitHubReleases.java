package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ReleaseSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads a product's GitHub releases (README §The CLI (versions, notes)): every page, drafts left out, {@code GITHUB_TOKEN}
 * honoured, each page cached on disk with its ETag so a repeat costs a 304 (which GitHub does
 * not count against the rate limit), and the cache shown with its date when GitHub cannot be
 * reached.
 */
public final class GitHubReleases {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final Function<String, String> env;
    private final Path cacheRoot;
    private final Clock clock;

    /** @param env environment lookup ({@code System::getenv}; tests inject their own) */
    public GitHubReleases(OkHttpClient http, Function<String, String> env, Path cacheRoot, Clock clock) {
        this.http = http;
        this.env = env;
        this.cacheRoot = cacheRoot;
        this.clock = clock;
    }

    /** Live settings: the real environment and cache directory. */
    public static GitHubReleases standard() {
        return new GitHubReleases(Http.client(), System::getenv, CacheDir.releases(System::getenv), Clock.systemUTC());
    }

    /**
     * All published releases, newest first; when GitHub is unreachable, the cached ones with a
     * notice giving their date.
     *
     * @throws SlipwayException refused when the rate limit is used up, the repository does not
     *     exist, or GitHub is unreachable and nothing is cached
     */
    public ReleaseFeed fetch(ReleaseSource source) {
        PageCache cache = new PageCache(cacheRoot.resolve(source.owner() + "_" + source.repo()));
        List<String> bodies = new ArrayList<>();
        String url = firstPage(source).toString();
        int page = 1;
        try {
            while (url != null) {
                PageCache.Page fetched = fetchPage(source, url, cache.read(page));
                cache.write(page, fetched);
                bodies.add(fetched.body());
                url = fetched.next().map(HttpUrl.get(url)::resolve).map(HttpUrl::toString).orElse(null);
                if (url != null) page++;
            }
        } catch (IOException | Unavailable e) {
            return fromCache(source, cache, e.getMessage());
        }
        cache.dropAfter(page);
        return new ReleaseFeed(parse(bodies), Optional.empty());
    }

    private HttpUrl firstPage(ReleaseSource source) {
        HttpUrl api = HttpUrl.get(source.api().toString());
        return api.newBuilder().addPathSegment("repos").addPathSegment(source.owner())
                .addPathSegment(source.repo()).addPathSegment("releases")
                .addQueryParameter("per_page", "100").build();
    }

    private PageCache.Page fetchPage(ReleaseSource source, String url, Optional<PageCache.Page> cached) throws IOException {
        Request.Builder request = new Request.Builder().url(url)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
        String token = env.apply("GITHUB_TOKEN");
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token.trim());
        cached.flatMap(PageCache.Page::etag).ifPresent(etag -> request.header("If-None-Match", etag));
        try (Response response = http.newCall(request.build()).execute()) {
            Instant now = clock.instant();
            if (response.code() == 304 && cached.isPresent()) {
                PageCache.Page c = cached.get();
                return new PageCache.Page(c.body(), c.etag(), c.next(), now);
            }
            if (response.isSuccessful()) {
                String body = response.body() == null ? "[]" : response.body().string();
                return new PageCache.Page(body, Optional.ofNullable(response.header("ETag")),
                        LinkHeader.next(response.header("Link")), now);
            }
            if (isRateLimited(response)) throw rateLimited(response, token);
            if (response.code() == 404) {
                throw SlipwayException.refused("GitHub has no repository " + source.github() + " (or it is private): "
                        + "check releases.github in the profile, or set GITHUB_TOKEN for a private repository.");
            }
            if (response.code() == 401) {
                throw SlipwayException.refused("GitHub refused the token in GITHUB_TOKEN (HTTP 401): renew it or unset it.");
            }
            throw new Unavailable("GitHub answered HTTP " + response.code());
        }
    }

    private static boolean isRateLimited(Response response) {
        return response.code() == 429
                || (response.code() == 403 && "0".equals(response.header("x-ratelimit-remaining")));
    }

    private SlipwayException rateLimited(Response response, String token) {
        String reset = Optional.ofNullable(response.header("x-ratelimit-reset"))
                .flatMap(GitHubReleases::epochSeconds)
                .map(i -> " until " + SHOWN.format(i)).orElse("");
        String hint = token == null || token.isBlank()
                ? "set GITHUB_TOKEN to a GitHub token for a higher limit, or wait."
                : "wait, or use a GITHUB_TOKEN with a higher limit.";
        return SlipwayException.refused("GitHub's API rate limit is used up" + reset + "; " + hint);
    }

    private static Optional<Instant> epochSeconds(String text) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private ReleaseFeed fromCache(ReleaseSource source, PageCache cache, String why) {
        List<String> bodies = new ArrayList<>();
        Instant oldest = null;
        for (int page = 1; ; page++) {
            Optional<PageCache.Page> cached = cache.read(page);
            if (cached.isEmpty()) break;
            bodies.add(cached.get().body());
            oldest = oldest == null || cached.get().fetchedAt().isBefore(oldest) ? cached.get().fetchedAt() : oldest;
            if (cached.get().next().isEmpty()) break;
        }
        if (bodies.isEmpty()) {
            throw SlipwayException.refused("GitHub is unreachable at " + source.api() + " (" + why
                    + ") and no releases of " + source.github() + " are cached: check the network and try again.");
        }
        return new ReleaseFeed(parse(bodies), Optional.of(
                "GitHub is unreachable; showing releases cached on " + SHOWN.format(oldest) + "."),
                Optional.of(why == null || why.isBlank() ? "no answer" : why));
    }

    /** Published releases from GitHub's JSON pages, newest first; drafts and non-version tags left out. */
    static List<Release> parse(List<String> pages) {
        List<Release> releases = new ArrayList<>();
        for (String page : pages) {
            JsonNode array;
            try {
                array = JSON.readTree(page);
            } catch (IOException e) {
                array = null;
            }
            if (array == null || !array.isArray()) {
                throw SlipwayException.refused("GitHub sent release data Slipway cannot read (not a list of releases); try again later.");
            }
            for (JsonNode r : array) {
                if (r.path("draft").asBoolean(false)) continue;
                String tag = r.path("tag_name").asText("");
                Optional<Version> version = Version.tryParse(tag);
                if (version.isEmpty()) continue; // e.g. "nightly": not something one can upgrade to
                releases.add(new Release(tag, version.get(), text(r, "name"), text(r, "body"),
                        r.path("prerelease").asBoolean(false) || version.get().isPrerelease(),
                        Optional.ofNullable(text(r, "published_at")).map(Instant::parse),
                        Optional.ofNullable(text(r, "html_url"))));
            }
        }
        releases.sort(Comparator.comparing(Release::version).reversed());
        return releases;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** GitHub could not be reached or answered with a server error: the cache may stand in. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
