package app.slipway.core.engine;

import app.slipway.core.registry.RegistryCredential;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.dockerjava.api.model.AuthConfig;

/**
 * The X-Registry-Auth body of a pull, as the Engine API documents it: {@code {"username",
 * "password"}}, or {@code {"identitytoken"}} alone; docker-java encodes it as base64url JSON. Its
 * own {@link AuthConfig} would also write every unset field as null and Docker Hub's address as
 * the server, whatever the registry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class RegistryAuth extends AuthConfig {
    private static final long serialVersionUID = 1L;

    private RegistryAuth() {
        withRegistryAddress(null);
    }

    static AuthConfig of(RegistryCredential login) {
        RegistryAuth auth = new RegistryAuth();
        if (login.hasIdentityToken()) {
            auth.withIdentityToken(login.identityToken());
        } else {
            auth.withUsername(login.username()).withPassword(login.password());
        }
        return auth;
    }

    @Override
    public String toString() {
        return "RegistryAuth[hidden]";
    }
}
