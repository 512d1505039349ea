package app.slipway.core.steps;

import app.slipway.core.profile.EnvTemplate;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The images a version of a stack will run, read from the compose file it will have: every
 * service whose image follows the version variable (one-shot and pull-only services included),
 * with the variable set to the version — what preflight pulls and what verification expects each
 * container to run — and the product's images whose tag is written into the file, where the pin
 * cannot move them.
 *
 * @param following service → image reference at the version, for each service whose image follows the variable
 * @param pinned    service → image as written, for the product's images that do not follow it
 */
public record TargetImages(Map<String, String> following, Map<String, String> pinned) {

    /**
     * @param images   each service's {@code image:} as written ({@code ComposeFileEditor.serviceImages})
     * @param services the services that are part of the stack (switched-off profiles left out)
     * @param env      the {@code .env} values the version will run with, the variable already pinned
     */
    public static TargetImages of(Map<String, String> images, Set<String> services, Profile profile,
                                  Map<String, String> env) {
        String variable = profile.versionVariable();
        Pattern reference = Pattern.compile("(?<!\\$)\\$\\{?" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
        var following = new LinkedHashMap<String, String>();
        var pinned = new LinkedHashMap<String, String>();
        images.forEach((service, image) -> {
            if (!services.contains(service)) return;
            if (reference.matcher(image).find()) {
                following.put(service, expand(image, env));
            } else if (ImageRef.tryParse(expand(image, env)).map(profile::ownsImage).orElse(false)) {
                pinned.put(service, image);
            }
        });
        return new TargetImages(following, pinned);
    }

    /** Each distinct image to pull, in file order. */
    public List<String> toPull() {
        return List.copyOf(new LinkedHashSet<>(following.values()));
    }

    /** {@code registry/repo:9.9.9} → {@code registry/repo:${VAR}}: the tag handed back to the pin. */
    public static String followingTheVariable(String image, String variable) {
        ImageRef ref = ImageRef.parse(image);
        return ref.repositoryWithRegistry() + ":${" + variable + "}";
    }

    private static String expand(String image, Map<String, String> env) {
        try {
            return EnvTemplate.expand(image, env);
        } catch (IllegalArgumentException malformed) {
            return image; // Compose itself will say what is wrong with it
        }
    }
}
