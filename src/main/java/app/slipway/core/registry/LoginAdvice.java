package app.slipway.core.registry;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ImageRef;

/**
 * The one sentence for a registry that wants a login Slipway did not have (or turned down the one
 * it had): which registry, what it refused, and the {@code docker login} to run where Slipway
 * reads its logins. Exit 3, like every refusal before a change.
 */
public final class LoginAdvice {
    private LoginAdvice() {}

    /** e.g. "The registry 127.0.0.1:5556 refused to let this server pull 127.0.0.1:5556/acme/app:2.0.0 without a login: …". */
    public static SlipwayException pullRefused(String registry, String ref, RegistryLogins logins, boolean sentLogin) {
        LoginPlace place = logins.place();
        String what = sentLogin
                ? "The registry " + registry + " refused the login saved for it, so " + place.puller() + " cannot pull " + ref
                : "The registry " + registry + " refused to let " + place.puller() + " pull " + ref + " without a login";
        return SlipwayException.refused(what + ": " + howToLogIn(registry, place, sentLogin));
    }

    /** Docker Hub's answer for a private repository and for a missing one alike, when no login was sent. */
    public static SlipwayException missingOrPrivate(String registry, String ref, RegistryLogins logins) {
        LoginPlace place = logins.place();
        return SlipwayException.refused("Image " + ref + " does not exist in the registry, or the registry " + registry
                + " wants a login for it: check the version, or run `" + loginCommand(registry) + "` " + place.on()
                + " " + place.asWho() + " and try again.");
    }

    /** The tag listing's refusal: "The registry … refused to list the tags of … without a login: …". */
    public static SlipwayException tagsRefused(String registry, String repository, RegistryLogins logins, boolean sentLogin) {
        LoginPlace place = logins.place();
        String what = sentLogin
                ? "The registry " + registry + " refused the login saved for it, so the tags of " + repository
                        + " cannot be listed"
                : "The registry " + registry + " refused to list the tags of " + repository + " without a login";
        return SlipwayException.refused(what + ": " + howToLogIn(registry, place, sentLogin));
    }

    private static String howToLogIn(String registry, LoginPlace place, boolean sentLogin) {
        return "run `" + loginCommand(registry) + "` " + place.on() + " " + place.asWho()
                + (sentLogin ? " with an account that may pull it" : "") + " and try again.";
    }

    /** {@code docker login HOST}; plain {@code docker login} for Docker Hub, its default. */
    static String loginCommand(String registry) {
        return ImageRef.DOCKER_HUB.equals(registry) ? "docker login" : "docker login " + registry;
    }
}
