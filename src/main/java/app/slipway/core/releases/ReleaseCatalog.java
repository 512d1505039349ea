package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ReleaseSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A product's releases from the profile's sources: GitHub releases first; the Keep-a-Changelog
 * file ({@code releases.changelog}) when GitHub has none or cannot be read, and for releases
 * whose GitHub body is empty.
 */
public final class ReleaseCatalog {
    private final Supplier<GitHubReleases> github;
    private final Supplier<OkHttpClient> http;

    public ReleaseCatalog(GitHubReleases github, OkHttpClient http) {
        this(() -> github, () -> http);
    }

    private ReleaseCatalog(Supplier<GitHubReleases> github, Supplier<OkHttpClient> http) {
        this.github = github;
        this.http = http;
    }

    /**
     * Live settings; {@code cacheRoot} overrides where releases are cached (default {@link CacheDir}).
     * The client is built on the first look-up (see {@link Http#once}).
     */
    public static ReleaseCatalog standard(Optional<Path> cacheRoot) {
        Path cache = cacheRoot.map(p -> p.resolve("releases")).orElseGet(() -> CacheDir.releases(System::getenv));
        return new ReleaseCatalog(Http.once(() -> new GitHubReleases(Http.client(), System::getenv, cache,
                java.time.Clock.systemUTC())), Http::client);
    }

    public ReleaseFeed load(ReleaseSource source) {
        if (!source.onGitHub()) return fromChangelog(source, Changelog.parse(read(source.changelog().orElseThrow())),
                Optional.empty());
        ReleaseFeed feed;
        try {
            feed = github.get().fetch(source);
        } catch (SlipwayException e) {
            if (source.changelog().isEmpty()) throw e;
            Changelog.Parsed changelog;
            try {
                changelog = Changelog.parse(read(source.changelog().get()));
            } catch (SlipwayException ignored) {
                throw e; // the GitHub failure is the one to explain
            }
            return fromChangelog(source, changelog, Optional.of(e.getMessage() + " Showing the CHANGELOG instead."));
        }
        if (source.changelog().isEmpty()) return feed;
        if (feed.releases().isEmpty()) {
            return fromChangelog(source, Changelog.parse(read(source.changelog().get())), feed.notice());
        }
        if (feed.releases().stream().anyMatch(r -> r.body().isBlank())) return withChangelogBodies(source, feed);
        return feed;
    }

    private ReleaseFeed fromChangelog(ReleaseSource source, Changelog.Parsed changelog, Optional<String> notice) {
        List<String> notices = new ArrayList<>();
        notice.ifPresent(notices::add);
        if (changelog.releases().isEmpty()) {
            notices.add("Nothing is released in the CHANGELOG" + (source.onGitHub() ? " of " + source.github() : "") + " yet"
                    + (changelog.hasUnreleased() ? " (it has only an [Unreleased] section)" : "") + ".");
        }
        return new ReleaseFeed(changelog.releases(), notices.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notices)));
    }

    private ReleaseFeed withChangelogBodies(ReleaseSource source, ReleaseFeed feed) {
        Map<Version, Release> sections;
        try {
            sections = Changelog.parse(read(source.changelog().get())).releases().stream()
                    .collect(Collectors.toMap(Release::version, r -> r, (a, b) -> a));
        } catch (SlipwayException e) {
            return feed; // empty bodies stay empty; the releases themselves are still right
        }
        List<Release> filled = feed.releases().stream()
                .map(r -> r.body().isBlank() && sections.containsKey(r.version()) ? r.withBody(sections.get(r.version()).body()) : r)
                .toList();
        return new ReleaseFeed(filled, feed.notice(), feed.unreachable());
    }

    /** A changelog Slipway carries (a built-in profile's, the demo's). */
    private static String resource(URI changelog) {
        String path = changelog.getSchemeSpecificPart();
        try (var in = ReleaseCatalog.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource " + path + " is missing from the build");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The changelog's text: an http(s) URL, or a local file. */
    String read(URI changelog) {
        String scheme = changelog.getScheme();
        if ("resource".equals(scheme)) return resource(changelog);
        try {
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                try (Response response = http.get().newCall(new Request.Builder().url(changelog.toString()).build()).execute()) {
                    if (!response.isSuccessful()) {
                        throw SlipwayException.refused("The CHANGELOG at " + changelog + " answered HTTP " + response.code()
                                + ": check releases.changelog in the profile.");
                    }
                    return response.body().string();
                }
            }
            return Files.readString(scheme == null ? Path.of(changelog.getPath()) : Path.of(changelog));
        } catch (IOException | IllegalArgumentException e) {
            throw SlipwayException.refused("The CHANGELOG at " + changelog + " cannot be read (" + e.getMessage()
                    + "): check the network or releases.changelog in the profile.");
        }
    }
}
