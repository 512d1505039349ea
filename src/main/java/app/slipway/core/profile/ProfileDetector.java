package app.slipway.core.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which product a stack is, from its image references (running containers' images, or the
 * {@code image:} lines of a compose file). A profile matches when one of its lockstep repositories
 * is the repository of one of the images, whatever the tag or digest.
 *
 * <p>When several profiles match, the one matching the most distinct lockstep repositories wins;
 * on a tie, the earlier candidate wins — {@link #withBuiltIns} puts profiles the user gave before
 * the built-ins, so an explicit profile file beats a built-in that claims the same images.
 */
public final class ProfileDetector {
    /** A compose interpolation such as {@code ${APPSTRATE_VERSION:-latest}}; only its place matters here. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    private final List<Profile> candidates;

    /** Detects among exactly these profiles, earlier ones winning ties. */
    public ProfileDetector(List<Profile> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** Detects among {@code extra} (first) and the built-in profiles. */
    public static ProfileDetector withBuiltIns(ProfileLoader loader, Profile... extra) {
        var all = new ArrayList<Profile>(List.of(extra));
        all.addAll(loader.recognisable());
        return new ProfileDetector(all);
    }

    public List<Profile> candidates() {
        return candidates;
    }

    /** The profile owning these images, if any; references that do not parse are skipped. */
    public Optional<Profile> detect(Collection<String> imageReferences) {
        List<ImageRef> images = parseAll(imageReferences);
        Profile best = null;
        int bestCount = 0;
        for (Profile candidate : candidates) {
            int count = matchCount(candidate, images);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many distinct lockstep repositories of {@code profile} appear among {@code images}. */
    public static int matchCount(Profile profile, Collection<ImageRef> images) {
        Set<String> present = new HashSet<>();
        for (ImageRef image : images) present.add(image.repositoryWithRegistry());
        int count = 0;
        for (ImageRef repository : profile.imageRefs()) {
            if (present.contains(repository.repositoryWithRegistry())) count++;
        }
        for (String former : profile.formerImages()) {
            if (present.contains(ImageRef.parse(former).repositoryWithRegistry())) count++;
        }
        return count;
    }

    /**
     * A compose {@code image:} value that still holds variables: first with every default filled
     * in ({@code ${REGISTRY:-ghcr.io}/x:${TAG:-1}}), else with each variable replaced by a
     * placeholder, which keeps the repository when only the tag is variable.
     */
    private static Optional<ImageRef> parseTemplate(String reference) {
        try {
            Optional<ImageRef> withDefaults = ImageRef.tryParse(EnvTemplate.expand(reference, java.util.Map.of()));
            if (withDefaults.isPresent()) return withDefaults;
        } catch (IllegalArgumentException malformed) {
            // fall through to the placeholder form
        }
        return ImageRef.tryParse(COMPOSE_VARIABLE.matcher(reference).replaceAll("0"));
    }

    private static List<ImageRef> parseAll(Collection<String> references) {
        var images = new ArrayList<ImageRef>();
        for (String reference : references) {
            if (reference == null) continue;
            Optional<ImageRef> parsed = ImageRef.tryParse(reference);
            if (parsed.isEmpty() && reference.contains("$")) parsed = parseTemplate(reference);
            parsed.ifPresent(images::add);
        }
        return images;
    }
}
