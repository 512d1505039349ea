package app.slipway.core.releases;

import java.util.List;
import java.util.Optional;

/**
 * Releases as fetched, plus a notice the user must see when they are not live data
 * (e.g. "GitHub is unreachable; showing releases cached on …").
 */
public record ReleaseFeed(List<Release> releases, Optional<String> notice) {
    public ReleaseFeed {
        releases = List.copyOf(releases);
        notice = notice == null ? Optional.empty() : notice;
    }
}
