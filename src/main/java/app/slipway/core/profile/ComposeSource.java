package app.slipway.core.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a compose template comes from (README §Profiles {@code install.compose}): an http(s) URL,
 * a file path resolved against the directory of the profile file that named it, or — for a
 * built-in profile — a file shipped inside Slipway. Exactly one of {@link #url()}, {@link #path()}
 * and {@link #resource()} is present.
 *
 * <p>A location holding {@code {version}} is the template of one release ({@link #versioned()}):
 * {@link #at} gives the template of a given version. In a URL the placeholder is kept
 * percent-encoded, as a URI must hold it.
 *
 * @param raw the value as written in the profile
 */
public record ComposeSource(String raw, Optional<URI> url, Optional<Path> path, Optional<String> resource) {
    static final String PLACEHOLDER = "{version}";
    private static final String ENCODED = "%7Bversion%7D";

    public ComposeSource {
        Objects.requireNonNull(raw, "raw");
        if ((url.isPresent() ? 1 : 0) + (path.isPresent() ? 1 : 0) + (resource.isPresent() ? 1 : 0) != 1) {
            throw new IllegalArgumentException("exactly one of url, path and resource must be present");
        }
        path.ifPresent(p -> {
            if (!p.isAbsolute()) throw new IllegalArgumentException("path must be absolute: " + p);
        });
    }

    public static ComposeSource ofUrl(String raw, URI url) {
        return new ComposeSource(raw, Optional.of(url), Optional.empty(), Optional.empty());
    }

    public static ComposeSource ofPath(String raw, Path absolutePath) {
        return new ComposeSource(raw, Optional.empty(), Optional.of(absolutePath), Optional.empty());
    }

    /** A file shipped with Slipway, on the class path (e.g. {@code profiles/strata/bundled.yml}). */
    public static ComposeSource ofResource(String raw, String resourcePath) {
        return new ComposeSource(raw, Optional.empty(), Optional.empty(), Optional.of(resourcePath));
    }

    public boolean isUrl() {
        return url.isPresent();
    }

    /** True when the location names a release: each version has its own template. */
    public boolean versioned() {
        return raw.contains(PLACEHOLDER);
    }

    /** The template of {@code version} (this source itself when it is not versioned). */
    public ComposeSource at(String version) {
        if (!versioned()) return this;
        String r = raw.replace(PLACEHOLDER, version);
        if (url.isPresent()) return ofUrl(r, URI.create(url.get().toString().replace(ENCODED, version)));
        if (path.isPresent()) return ofPath(r, Path.of(path.get().toString().replace(PLACEHOLDER, version)));
        return ofResource(r, resource.orElseThrow().replace(PLACEHOLDER, version));
    }

    /** The resolved location as text: the URL, the absolute path, or the shipped file; {@code {version}} shown as such. */
    public String location() {
        return url.map(u -> u.toString().replace(ENCODED, PLACEHOLDER))
                .or(() -> path.map(Path::toString))
                .orElseGet(() -> "(shipped with Slipway) " + resource.orElseThrow());
    }

    /** The URL form of a template location: the placeholder percent-encoded so that it parses. */
    static String encodePlaceholder(String url) {
        return url.replace(PLACEHOLDER, ENCODED);
    }
}
