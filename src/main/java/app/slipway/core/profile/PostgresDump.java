package app.slipway.core.profile;

import java.util.Map;
import java.util.Objects;

/**
 * The database to dump before a change (README §Profiles {@code backup.postgres}): {@code pg_dump} runs inside
 * {@code service} through {@code compose exec -T}.
 *
 * @param service compose service that runs PostgreSQL
 * @param databaseTemplate database name as written; may refer to {@code .env} (see {@link EnvTemplate})
 * @param userTemplate role to connect as, as written; may refer to {@code .env},
 *     e.g. {@code ${POSTGRES_USER:-appstrate}}
 */
public record PostgresDump(String service, String databaseTemplate, String userTemplate) {
    public PostgresDump {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(databaseTemplate, "databaseTemplate");
        Objects.requireNonNull(userTemplate, "userTemplate");
    }

    /** Database name with {@code .env} references at their defaults. */
    public String database() {
        return database(Map.of());
    }

    /** Database name for a stack whose {@code .env} holds {@code env}. */
    public String database(Map<String, String> env) {
        return EnvTemplate.expand(databaseTemplate, env);
    }

    /** Role with {@code .env} references at their defaults. */
    public String user() {
        return user(Map.of());
    }

    /** Role for a stack whose {@code .env} holds {@code env}. */
    public String user(Map<String, String> env) {
        return EnvTemplate.expand(userTemplate, env);
    }
}
