package app.slipway.core.profile;

import java.util.Map;
import java.util.Objects;

/**
 * A database outside the stack (README §Profiles {@code backup.postgres.host}): dumped with
 * {@code pg_dump -h} by a one-off client container on the target, its password handed over
 * through the environment (the stack's {@code .env} as the container's env file), never on a
 * command line or in output.
 *
 * @param hostTemplate     e.g. {@code ${DB_HOST}}
 * @param portTemplate     e.g. {@code ${DB_PORT:-5432}}
 * @param passwordVariable the {@code .env} key holding the password, e.g. {@code DB_PASSWORD}
 * @param clientImageTemplate an image with {@code pg_dump} and {@code pg_restore}
 */
public record ExternalDatabase(String hostTemplate, String portTemplate, String passwordVariable,
                               String clientImageTemplate) {
    public ExternalDatabase {
        Objects.requireNonNull(hostTemplate, "hostTemplate");
        Objects.requireNonNull(portTemplate, "portTemplate");
        Objects.requireNonNull(passwordVariable, "passwordVariable");
        Objects.requireNonNull(clientImageTemplate, "clientImageTemplate");
    }

    public String host(Map<String, String> env) {
        return EnvTemplate.expand(hostTemplate, env);
    }

    public String port(Map<String, String> env) {
        return EnvTemplate.expand(portTemplate, env);
    }

    public String clientImage(Map<String, String> env) {
        return EnvTemplate.expand(clientImageTemplate, env);
    }
}
