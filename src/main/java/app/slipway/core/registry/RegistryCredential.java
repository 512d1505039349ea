package app.slipway.core.registry;

/**
 * A login for one registry, as Docker keeps it: a user name with a password, or an identity token
 * (an OAuth refresh token, which Docker Desktop and some registries hand out instead). It is sent
 * to the engine for a pull or to the registry for its tags, and never shown: {@link #toString()}
 * hides it, and no sentence Slipway writes includes it.
 */
public record RegistryCredential(String username, String password, String identityToken) {
    public RegistryCredential {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        identityToken = identityToken == null ? "" : identityToken;
    }

    public static RegistryCredential password(String username, String password) {
        return new RegistryCredential(username, password, "");
    }

    public static RegistryCredential identityToken(String token) {
        return new RegistryCredential("", "", token);
    }

    public boolean hasIdentityToken() {
        return !identityToken.isEmpty();
    }

    /** Nothing to send: Docker stores a logout or an empty entry like this. */
    boolean isEmpty() {
        return username.isEmpty() && password.isEmpty() && identityToken.isEmpty();
    }

    @Override
    public String toString() {
        return "RegistryCredential[hidden]";
    }
}
