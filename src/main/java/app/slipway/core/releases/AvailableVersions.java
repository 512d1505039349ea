package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The versions a user may pick: the product's releases whose every lockstep image exists at that
 * version in its registry ({@code 1.2.0} and {@code v1.2.0} tags both count), so Slipway never
 * offers an upgrade that would fail at the pull. Stable versions come first, newest first, then
 * prereleases, newest first.
 */
public final class AvailableVersions {

    /**
     * @param versions what may be offered, in display order
     * @param latest the newest stable version offered, if any
     * @param notices what the user should know (cached data, a skipped registry check, hidden releases)
     */
    public record Result(List<Release> versions, Optional<Release> latest, List<String> notices) {
        public Result {
            versions = List.copyOf(versions);
            notices = List.copyOf(notices);
        }
    }

    private final Function<String, Set<String>> tagLookup;

    /** @param tagLookup the tags of an image repository, e.g. {@code RegistryTags.standard()::tags} */
    public AvailableVersions(Function<String, Set<String>> tagLookup) {
        this.tagLookup = tagLookup;
    }

    public Result of(Profile profile, ReleaseFeed feed) {
        List<String> notices = new ArrayList<>();
        feed.notice().ifPresent(notices::add);
        List<Release> offered = new ArrayList<>(feed.releases());
        if (profile.localImages()) { // built on this machine: no registry to ask; preflight checks the engine
            return result(offered, notices);
        }
        try {
            Map<String, Set<String>> tagsByImage = new java.util.LinkedHashMap<>();
            // The main image decides: the others are pulled, and checked, as the version's compose file names them
            // (a release may predate one of them).
            String main = profile.images().get(0);
            tagsByImage.put(main, tagLookup.apply(main));
            List<String> hidden = new ArrayList<>();
            offered.removeIf(release -> {
                boolean everyImage = tagsByImage.values().stream().allMatch(tags -> hasTag(tags, release.version()));
                if (!everyImage) hidden.add(release.tag());
                return !everyImage;
            });
            if (!hidden.isEmpty()) {
                notices.add("Not offered because their images are missing from the registry: " + String.join(", ", hidden) + ".");
            }
        } catch (SlipwayException e) {
            notices.add("The image registry could not be checked, so these versions are not confirmed to exist as images: "
                    + e.getMessage());
        }
        return result(offered, notices);
    }

    private static Result result(List<Release> offered, List<String> notices) {
        offered.sort(Comparator.comparing((Release r) -> r.prerelease())
                .thenComparing(Release::version, Comparator.reverseOrder()));
        Optional<Release> latest = offered.stream().filter(r -> !r.prerelease()).findFirst();
        return new Result(offered, latest, notices);
    }

    /** True when a tag names {@code version}: its own spelling, or with/without the leading {@code v}. */
    static boolean hasTag(Set<String> tags, Version version) {
        String canonical = version.canonical();
        String text = version.text();
        String bare = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        return tags.contains(text) || tags.contains(bare) || tags.contains("v" + bare)
                || tags.contains(canonical) || tags.contains("v" + canonical);
    }
}
