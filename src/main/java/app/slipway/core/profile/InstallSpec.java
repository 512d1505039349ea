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
 * @param variants the templates the product's installer chooses between by mode (README §Profiles)
 * @param templateOnUpgrade {@code upgrade_compose: template}: an upgrade writes the (one) template
 */
public record InstallSpec(ComposeSource compose, Map<String, String> env, Map<String, SecretKind> secrets,
                          java.util.List<ComposeVariant> variants, boolean templateOnUpgrade) {
    public InstallSpec {
        Objects.requireNonNull(compose, "compose");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        variants = java.util.List.copyOf(variants);
    }

    public InstallSpec(ComposeSource compose, Map<String, String> env, Map<String, SecretKind> secrets) {
        this(compose, env, secrets, java.util.List.of(), false);
    }

    /**
     * Whether an upgrade writes the template: always for a {@code {version}} template; for one
     * template that serves every version only when the profile says the product's own installer
     * rewrites the file on every run ({@code upgrade_compose: template}, Strata's does).
     */
    public boolean upgradeWritesTemplate(ComposeSource chosen) {
        return chosen.versioned() || templateOnUpgrade;
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
