package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code v1.2.3} and {@code 1.2.3} are one version (README §The CLI): releases are named one way,
 * images are often tagged the other. The spelling that goes into {@code .env} is the one the
 * registry has.
 */
public final class VersionSpelling {
    private VersionSpelling() {}

    /** The spelling of {@code asked} that {@code tags} has; {@code asked} itself when neither or both are there. */
    public static String choose(String asked, Set<String> tags) {
        if (tags.contains(asked)) return asked;
        String other = toggled(asked);
        return other != null && tags.contains(other) ? other : asked;
    }

    /**
     * Asks the registry of the product's first image which spelling it has, when the asked one may
     * be a release name ({@code v1.2.3}); a registry that cannot be asked leaves the version as typed
     * (the pull then says clearly when it does not exist).
     */
    public static String resolve(Profile profile, String asked, Function<String, Set<String>> tagsOf) {
        if (!asked.matches("[vV]\\d.*") || profile.images().isEmpty()) return asked;
        try {
            return choose(asked, tagsOf.apply(profile.images().get(0)));
        } catch (SlipwayException | IllegalArgumentException unreachable) {
            return asked;
        }
    }

    /** Asks with a target's registry logins (a connection's): the ones its pulls will use. */
    public static String resolve(Profile profile, String asked, app.slipway.core.registry.RegistryLogins logins) {
        return resolve(profile, asked, RegistryTags.standard(logins)::tags);
    }

    private static String toggled(String version) {
        if (version.matches("[vV]\\d.*")) return version.substring(1);
        if (version.matches("\\d.*")) return "v" + version;
        return null;
    }
}
