package app.slipway.core.profile;

import java.util.Map;
import java.util.Objects;

/**
 * The database to dump before a change (README §Profiles {@code backup.postgres}): {@code pg_dump} runs inside
 * {@code service} through {@code compose exec -T}, or — for a database outside the stack — in a
 * one-off client container ({@link ExternalDatabase}). {@code when} says in which mode of the
 * product this is the database.
 *
 * @param service compose service that runs PostgreSQL
 * @param databaseTemplate database name as written; may refer to {@code .env} (see {@link EnvTemplate})
 * @param userTemplate role to connect as, as written; may refer to {@code .env},
 *     e.g. {@code ${POSTGRES_USER:-appstrate}}
 */
public record PostgresDump(String service, String databaseTemplate, String userTemplate,
                           java.util.Optional<ExternalDatabase> external, When when) {
    public PostgresDump {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(databaseTemplate, "databaseTemplate");
        Objects.requireNonNull(userTemplate, "userTemplate");
        Objects.requireNonNull(external, "external");
        Objects.requireNonNull(when, "when");
    }

    /** A database inside the stack's {@code service}, always. */
    public PostgresDump(String service, String databaseTemplate, String userTemplate) {
        this(service, databaseTemplate, userTemplate, java.util.Optional.empty(), When.ALWAYS);
    }

    /** The database lives outside the stack: {@code service} is empty, {@link #external()} says where. */
    public boolean isExternal() {
        return external.isPresent();
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
