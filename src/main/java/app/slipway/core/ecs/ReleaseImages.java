package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.releases.VersionSpelling;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether the registry has the version an ECS upgrade asks for, read before anything is registered:
 * ECS finds a missing tag only when its tasks fail to pull, and its circuit breaker takes minutes to
 * give up on a typo. A registry this computer cannot ask (no login, an ECR repository without the
 * credential helper, no network) is a note, not a refusal: ECS pulls with the task execution role.
 *
 * @param version the spelling the registry has ({@code v1.4.2} or {@code 1.4.2}; as asked when unknown)
 * @param notes   the repositories that could not be asked, and why
 */
record ReleaseImages(String version, List<String> notes) {

    /**
     * @param images the images the new revisions would run, at {@code asked}
     * @param tagsOf the tags of a repository ({@code RegistryTags::tags}); refuses when it cannot ask
     * @throws SlipwayException refused (exit 3) when a registry that answered has no such tag
     */
    static ReleaseImages check(List<String> images, String asked, Function<String, Set<String>> tagsOf) {
        Set<String> repositories = new LinkedHashSet<>();
        images.forEach(i -> ImageRef.tryParse(i).ifPresent(ref -> repositories.add(ref.repositoryWithRegistry())));
        String version = asked;
        boolean spelled = false;
        List<String> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String repository : repositories) {
            Optional<Set<String>> tags = ask(repository, tagsOf, notes);
            if (tags.isEmpty()) continue;
            if (!spelled) { // the first registry that answers decides the spelling, as for a Compose stack
                version = VersionSpelling.choose(asked, tags.get());
                spelled = true;
            }
            if (!tags.get().contains(version)) missing.add(repository);
        }
        if (!missing.isEmpty()) {
            throw SlipwayException.refused(String.join(", ", missing) + (missing.size() == 1 ? " has" : " have")
                    + " no tag " + version + ": check --to against 'slipway versions'; nothing on AWS was changed.");
        }
        return new ReleaseImages(version, notes);
    }

    private static Optional<Set<String>> ask(String repository, Function<String, Set<String>> tagsOf, List<String> notes) {
        try {
            return Optional.of(tagsOf.apply(repository));
        } catch (SlipwayException cannotAsk) {
            notes.add("Could not check that " + repository + " has the new tag (" + withoutAdvice(cannotAsk)
                    + "); ECS pulls it with the services' task execution role, and a tag it cannot pull fails the"
                    + " deployment, which then goes back.");
            return Optional.empty();
        }
    }

    /** A refusal's sentence without the advice after its colon: the note gives its own. */
    private static String withoutAdvice(SlipwayException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return (colon > 0 ? m.substring(0, colon) : m).replaceAll("\\.$", "");
    }
}
