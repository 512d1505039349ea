package app.slipway.core.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * When a part of a profile applies to a stack (README §Profiles {@code when}): every {@code env}
 * key has that value in {@code .env} ({@code ""}: missing or empty; {@code "*"}: set and not
 * empty), the stack has {@code service} and has not {@code without_service}. Products run in modes — Strata with its bundled database when {@code DB_HOST}
 * is empty, Appstrate in tiers — and back up, and are installed, by mode.
 */
public record When(Map<String, String> env, Optional<String> service, Optional<String> withoutService) {
    public static final When ALWAYS = new When(Map.of(), Optional.empty(), Optional.empty());
    /** As an {@code env} value: the key is set and not empty. */
    public static final String ANY = "*";

    public When {
        env = Map.copyOf(env);
    }

    public When(Map<String, String> env, Optional<String> service) {
        this(env, service, Optional.empty());
    }

    public boolean matches(Map<String, String> stackEnv, Collection<String> stackServices) {
        for (var e : env.entrySet()) {
            String value = stackEnv.getOrDefault(e.getKey(), "").strip();
            if (e.getValue().equals(ANY) ? value.isEmpty() : !value.equals(e.getValue())) return false;
        }
        return service.map(stackServices::contains).orElse(true)
                && withoutService.map(s -> !stackServices.contains(s)).orElse(true);
    }
}
