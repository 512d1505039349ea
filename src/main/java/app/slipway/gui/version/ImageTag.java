package app.slipway.gui.version;

import app.slipway.core.releases.Version;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The spelling of a release's version that the images really carry: GitHub tags say {@code v1.2.0}
 * where images often say {@code 1.2.0}, and the version is pinned as an image tag, so it must be the
 * registry's spelling.
 */
final class ImageTag {
    private ImageTag() {}

    /**
     * @param tagsPerImage the tags of each lockstep image; empty when the registry could not be read
     * @return the first spelling every image has; without registry data, the version without its {@code v}
     */
    static String of(Version version, Collection<Set<String>> tagsPerImage) {
        String text = version.text();
        String bare = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(text);
        spellings.add(bare);
        spellings.add("v" + bare);
        spellings.add(version.canonical());
        spellings.add("v" + version.canonical());
        if (!tagsPerImage.isEmpty()) {
            for (String spelling : spellings) {
                if (tagsPerImage.stream().allMatch(tags -> tags.contains(spelling))) return spelling;
            }
        }
        return bare;
    }
}
