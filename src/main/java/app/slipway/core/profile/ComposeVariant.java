package app.slipway.core.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * One of the compose templates a product's installer chooses between (README §Profiles
 * {@code install.variants}), and {@link When} it is the one.
 * Strata writes its bundled-database file when {@code DB_HOST} is empty; Appstrate keeps the
 * tier whose services the stack has.
 */
public record ComposeVariant(ComposeSource compose, When when) {
    public ComposeVariant {
        Objects.requireNonNull(compose, "compose");
        Objects.requireNonNull(when, "when");
    }

    public boolean matches(Map<String, String> stackEnv, Collection<String> stackServices) {
        return when.matches(stackEnv, stackServices);
    }
}
