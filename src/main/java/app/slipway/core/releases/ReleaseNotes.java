package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The notes for one upgrade (README §The CLI (versions, notes)): every release after the installed version up to and
 * including the target, newest first, prereleases only when the target is one, with the breaking
 * changes gathered for a summary on top.
 *
 * @param from the installed version (exclusive), when known
 * @param to the target version (inclusive)
 * @param releases the releases in the range, newest first
 * @param breaking the breaking changes of those releases, newest release first
 * @param notices what the reader should know about the data (cached, from the CHANGELOG, nothing released)
 */
public record ReleaseNotes(Optional<Version> from, Version to, List<Release> releases,
        List<BreakingChanges.Change> breaking, List<String> notices) {

    public ReleaseNotes {
        releases = List.copyOf(releases);
        breaking = List.copyOf(breaking);
        notices = List.copyOf(notices);
    }

    /**
     * Selects the notes from {@code feed}.
     *
     * @throws SlipwayException bad input when {@code to} is not a release, or {@code from} is not below it
     */
    public static ReleaseNotes select(ReleaseFeed feed, Optional<Version> from, Version to) {
        if (from.isPresent() && from.get().compareTo(to) >= 0) {
            throw SlipwayException.badInput("--from " + from.get() + " is not older than --to " + to
                    + ": give the installed version as --from and a newer one as --to.");
        }
        List<String> notices = feed.notice().stream().toList();
        if (feed.releases().isEmpty()) {
            return new ReleaseNotes(from, to, List.of(), List.of(), notices); // nothing released: the notice says why
        }
        Release target = feed.releases().stream().filter(r -> r.version().equals(to)).findFirst()
                .orElseThrow(() -> SlipwayException.badInput("Version " + to + " is not among the releases (newest: "
                        + feed.releases().get(0).tag() + "): run 'slipway versions' to list them."));
        // A target GitHub marks as a prerelease counts as one even when its tag looks stable.
        List<Release> range = between(feed.releases(), from, to, target.prerelease());
        return new ReleaseNotes(from, to, range, BreakingChanges.in(range), notices);
    }

    /** Releases with {@code from < version <= to}, newest first; prereleases only when {@code to} is one. */
    public static List<Release> between(List<Release> releases, Optional<Version> from, Version to) {
        return between(releases, from, to, to.isPrerelease());
    }

    private static List<Release> between(List<Release> releases, Optional<Version> from, Version to, boolean withPrereleases) {
        return releases.stream()
                .filter(r -> r.version().compareTo(to) <= 0)
                .filter(r -> from.isEmpty() || r.version().compareTo(from.get()) > 0)
                .filter(r -> withPrereleases || !r.prerelease())
                .sorted(Comparator.comparing(Release::version).reversed())
                .toList();
    }
}
