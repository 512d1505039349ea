package app.slipway.core.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the compose file for a first install comes from (README §Profiles {@code install.compose}): an
 * http(s) URL, or a file path resolved against the directory of the profile file that named it.
 * Exactly one of {@link #url()} and {@link #path()} is present.
 *
 * @param raw the value as written in the profile
 */
public record ComposeSource(String raw, Optional<URI> url, Optional<Path> path) {
    public ComposeSource {
        Objects.requireNonNull(raw, "raw");
        if (url.isPresent() == path.isPresent()) {
            throw new IllegalArgumentException("exactly one of url and path must be present");
        }
        path.ifPresent(p -> {
            if (!p.isAbsolute()) throw new IllegalArgumentException("path must be absolute: " + p);
        });
    }

    public static ComposeSource ofUrl(String raw, URI url) {
        return new ComposeSource(raw, Optional.of(url), Optional.empty());
    }

    public static ComposeSource ofPath(String raw, Path absolutePath) {
        return new ComposeSource(raw, Optional.empty(), Optional.of(absolutePath));
    }

    public boolean isUrl() {
        return url.isPresent();
    }

    /** The resolved location as text: the URL, or the absolute path. */
    public String location() {
        return url.map(URI::toString).orElseGet(() -> path.orElseThrow().toString());
    }
}
