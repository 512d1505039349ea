package app.slipway.core.profile;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where versions and release notes come from (README §Profiles {@code releases}).
 *
 * @param github repository as {@code owner/repo}; null for a product whose notes are only a changelog
 * @param api GitHub API base without a trailing slash; tests point it at a local server
 * @param changelog optional Keep-a-Changelog file used when releases carry no notes
 */
public record ReleaseSource(String github, URI api, Optional<URI> changelog) {
    public static final URI DEFAULT_API = URI.create("https://api.github.com");

    public ReleaseSource {
        Objects.requireNonNull(api, "api");
        changelog = changelog == null ? Optional.empty() : changelog;
        if (github == null && changelog.isEmpty()) throw new IllegalArgumentException("releases need github or a changelog");
    }

    /** True when the releases come from GitHub; else only from the changelog. */
    public boolean onGitHub() {
        return github != null;
    }

    public String owner() {
        return github.substring(0, github.indexOf('/'));
    }

    public String repo() {
        return github.substring(github.indexOf('/') + 1);
    }
}
