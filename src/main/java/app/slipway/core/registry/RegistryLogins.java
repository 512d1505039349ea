package app.slipway.core.registry;

import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry logins of a target's user — the ones its own {@code docker login} saved: the
 * Docker config ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}) read
 * through the target, so over SSH it is the server user's, locally this computer's. A credential
 * helper it names runs on the target too.
 *
 * <p>Looked up lazily, once per registry: the config when the first registry is asked about, a
 * helper once per registry. {@link #forget} drops what was read after a registry refused, so a
 * {@code docker login} made since counts on the next try.
 */
public final class RegistryLogins {
    private final Target target;
    private final String configDirectory;
    private final LoginPlace place;
    private DockerConfig config;
    private final Map<String, Optional<RegistryCredential>> byRegistry = new HashMap<>();

    private RegistryLogins(Target target, String configDirectory, LoginPlace place) {
        this.target = target;
        this.configDirectory = configDirectory;
        this.place = place;
    }

    /** The target user's logins; the config directory is found on first use ({@code DOCKER_CONFIG}, else {@code ~/.docker}). */
    public static RegistryLogins of(Target target) {
        return new RegistryLogins(target, null, LoginPlace.of(target));
    }

    /** The logins of the Docker config in {@code configDirectory} on the target (tests; a {@code DOCKER_CONFIG} known already). */
    public static RegistryLogins of(Target target, String configDirectory) {
        return new RegistryLogins(target, configDirectory, LoginPlace.of(target));
    }

    /** No logins at all: every registry is spoken to anonymously. */
    public static RegistryLogins none() {
        return new RegistryLogins(null, null, LoginPlace.THIS_COMPUTER);
    }

    /**
     * The login saved for {@code registry} ({@code host[:port]}, or {@code docker.io} for Docker
     * Hub, as {@code ImageRef#registry()} names it); empty when there is none.
     *
     * @throws app.slipway.core.SlipwayException refused when the config is broken or its helper fails
     */
    public synchronized Optional<RegistryCredential> forRegistry(String registry) {
        if (target == null) return Optional.empty();
        Optional<RegistryCredential> known = byRegistry.get(registry);
        if (known != null) return known;
        if (config == null) config = DockerConfigFile.read(target, directory(), place);
        String key = DockerConfig.keyOf(registry);
        Optional<String> helper = config.helperFor(key);
        Optional<RegistryCredential> found = helper.isPresent()
                ? CredentialHelper.get(target, helper.get(), key, registry)
                : config.fileLogin(key);
        byRegistry.put(registry, found);
        return found;
    }

    /** Drops what was read, for the registry and the config itself: the next look-up reads them again. */
    public synchronized void forget(String registry) {
        byRegistry.remove(registry);
        config = null;
    }

    /** Where the logins live, for the sentence that says where to log in. */
    LoginPlace place() {
        return place;
    }

    private String directory() {
        if (configDirectory != null) return configDirectory;
        String fromEnvironment;
        if (target.isRemote()) {
            // The server's login environment, as its own `docker` sees it (and as Compose runs there).
            ExecResult r = target.exec(Command.of("printenv", "DOCKER_CONFIG"));
            fromEnvironment = r.ok() ? r.stdout().strip() : "";
        } else {
            fromEnvironment = System.getenv("DOCKER_CONFIG");
        }
        return target.absolute(fromEnvironment == null || fromEnvironment.isBlank() ? "~/.docker" : fromEnvironment);
    }

    @Override
    public String toString() {
        return "RegistryLogins[" + place.target() + "]";
    }
}
