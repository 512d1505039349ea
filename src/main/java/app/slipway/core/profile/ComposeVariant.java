package app.slipway.core.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the compose templates a product's installer chooses between (README §Profiles
 * {@code install.variants}), and when it is the one: every {@code env} key has that value in
 * {@code .env} ({@code ""}: the key is missing or empty), and the stack has {@code service}.
 * Strata writes its bundled-database file when {@code DB_HOST} is empty; Appstrate keeps the
 * tier whose services the stack has.
 */
public record ComposeVariant(ComposeSource compose, Map<String, String> env, Optional<String> service) {
    public ComposeVariant {
        Objects.requireNonNull(compose, "compose");
        env = Map.copyOf(env);
    }

    public boolean matches(Map<String, String> stackEnv, Collection<String> stackServices) {
        return new When(env, service).matches(stackEnv, stackServices);
    }
}
