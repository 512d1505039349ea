package app.slipway.gui.version;

import app.slipway.core.releases.AvailableVersions;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rows of the version list, in the order {@code slipway versions} prints them, marked against the current version. */
final class VersionList {
    private VersionList() {}

    /**
     * @param current the version the stack runs (upgrade path), empty on install or when it is not a
     *     semantic version (then nothing can be compared, so everything may be chosen)
     */
    static List<VersionEntry> of(AvailableVersions.Result available, Map<String, Set<String>> tagsPerImage,
                                 Optional<Version> current) {
        return available.versions().stream().map(release -> {
            boolean latest = available.latest().map(l -> l == release).orElse(false);
            boolean isCurrent = current.map(release.version()::equals).orElse(false);
            boolean upgradable = current.map(c -> release.version().compareTo(c) > 0).orElse(true);
            return new VersionEntry(release, ImageTag.of(release.version(), tagsPerImage.values()), latest, isCurrent, upgradable);
        }).toList();
    }

    /** What is chosen first: the newest stable version that may be chosen, if any. */
    static Optional<VersionEntry> defaultChoice(List<VersionEntry> entries) {
        return entries.stream().filter(VersionEntry::latest).filter(VersionEntry::upgradable).findFirst();
    }

    /** The row of the release named {@code version} (any spelling), if listed. */
    static Optional<VersionEntry> find(List<VersionEntry> entries, Version version) {
        return entries.stream().filter(e -> e.release().version().equals(version)).findFirst();
    }

    /** The release named {@code version} in {@code releases}, if any. */
    static Optional<Release> release(List<Release> releases, Version version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }
}
