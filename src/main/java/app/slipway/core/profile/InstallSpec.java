package app.slipway.core.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a first install writes (README §Profiles {@code install}).
 *
 * @param compose where the compose file comes from
 * @param env {@code .env} defaults, in profile order; written only when the key is missing
 * @param secrets {@code .env} keys generated when missing and never rotated, in profile order
 */
public record InstallSpec(ComposeSource compose, Map<String, String> env, Map<String, SecretKind> secrets,
                          java.util.List<ComposeVariant> variants) {
    public InstallSpec {
        Objects.requireNonNull(compose, "compose");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        variants = java.util.List.copyOf(variants);
    }

    public InstallSpec(ComposeSource compose, Map<String, String> env, Map<String, SecretKind> secrets) {
        this(compose, env, secrets, java.util.List.of());
    }

    /**
     * The template the product's installer would write for a stack with this {@code .env} and these
     * services: the first variant that matches, else {@link #compose()}.
     */
    public ComposeSource composeFor(Map<String, String> stackEnv, java.util.Collection<String> services) {
        return variants.stream().filter(v -> v.matches(stackEnv, services)).map(ComposeVariant::compose)
                .findFirst().orElse(compose);
    }
}
