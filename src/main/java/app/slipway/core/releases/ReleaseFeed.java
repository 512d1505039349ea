package app.slipway.core.releases;

import java.util.List;
import java.util.Optional;

/**
 * Releases as fetched, plus a notice the user must see when they are not live data
 * (e.g. "GitHub is unreachable; showing releases cached on …").
 *
 * @param unreachable why the source could not be read, when these releases come from the cache
 *     instead ({@code slipway check} refuses to call a stack up to date on them)
 */
public record ReleaseFeed(List<Release> releases, Optional<String> notice, Optional<String> unreachable) {
    public ReleaseFeed {
        releases = List.copyOf(releases);
        notice = notice == null ? Optional.empty() : notice;
        unreachable = unreachable == null ? Optional.empty() : unreachable;
    }

    /** Live releases. */
    public ReleaseFeed(List<Release> releases, Optional<String> notice) {
        this(releases, notice, Optional.empty());
    }
}
