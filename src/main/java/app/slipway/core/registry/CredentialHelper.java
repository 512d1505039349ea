package app.slipway.core.registry;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks a Docker credential helper for one registry's login the way Docker does: runs
 * {@code docker-credential-NAME get} on the target, as its user, with the registry's key on
 * standard input, and reads {@code {"ServerURL", "Username", "Secret"}} back. A helper answers
 * {@code <token>} as the user name when the secret is an identity token.
 */
final class CredentialHelper {
    /** What every helper of docker/docker-credential-helpers prints when it has nothing for a registry. */
    static final String NOT_FOUND = "credentials not found in native keychain";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialHelper() {}

    private static Command command(String helper, String key) {
        return Command.of("docker-credential-" + helper, "get").feeding(key);
    }

    /**
     * The helper's login for {@code key}; empty when it has none. Refuses when the helper is
     * missing or fails: Docker's own pull would fail there too. The refusal never quotes what the
     * helper printed (its answer is the secret).
     */
    static Optional<RegistryCredential> get(Target target, String helper, String key, String registry) {
        LoginPlace place = LoginPlace.of(target);
        String program = "docker-credential-" + helper;
        if (!NAME.matcher(helper).matches()) {
            throw SlipwayException.refused("The Docker config " + place.on() + " names the credential helper '"
                    + helper + "' for " + registry + ", which is not a program name: fix credsStore or credHelpers there.");
        }
        ExecResult r = target.exec(command(helper, key));
        if (!r.ok()) {
            if (r.stdout().strip().equals(NOT_FOUND) || r.stderr().strip().equals(NOT_FOUND)) return Optional.empty();
            String why = r.exitCode() == 127 ? program + " is not installed (not on the PATH)"
                    : program + " failed (exit " + r.exitCode() + ")";
            throw SlipwayException.refused("Slipway cannot read the login for " + registry + " " + place.on()
                    + ": " + why + "; check that `docker pull` works there as the same user, or remove the helper from"
                    + " the Docker config there.");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(r.stdout());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw SlipwayException.refused("Slipway cannot read the login for " + registry + " " + place.on()
                    + ": " + program + " answered something other than JSON; check that `docker pull` works there.");
        }
        String user = answer.path("Username").asText("");
        String secret = answer.path("Secret").asText("");
        if (secret.isEmpty()) return Optional.empty();
        return Optional.of("<token>".equals(user) ? RegistryCredential.identityToken(secret)
                : RegistryCredential.password(user, secret));
    }
}
