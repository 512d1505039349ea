package app.slipway.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.fakes.InMemoryHost;
import org.junit.jupiter.api.Test;

/** The one sentence a registry's refusal becomes: what, where to log in, as whom. */
class LoginAdviceTest {
    private final RegistryLogins server = RegistryLogins.of(new InMemoryHost().remote());
    private final RegistryLogins local = RegistryLogins.of(new InMemoryHost());

    @Test
    void aPullWithoutALoginNamesTheRegistryAndWhereToLogIn() {
        SlipwayException e = LoginAdvice.pullRefused("127.0.0.1:5556", "127.0.0.1:5556/acme/app:2.0.0", server, false);
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The registry 127.0.0.1:5556 refused to let this server pull 127.0.0.1:5556/acme/app:2.0.0 without a"
                + " login: run `docker login 127.0.0.1:5556` on ssh://deploy@10.203.0.11:22 (as the user Slipway logs in as)"
                + " and try again.", e.getMessage());
        assertEquals("The registry 127.0.0.1:5556 refused to let this computer pull 127.0.0.1:5556/acme/app:2.0.0 without a"
                + " login: run `docker login 127.0.0.1:5556` on this computer (as the user Slipway runs as) and try again.",
                LoginAdvice.pullRefused("127.0.0.1:5556", "127.0.0.1:5556/acme/app:2.0.0", local, false).getMessage());
    }

    @Test
    void aLoginTurnedDownIsSaidSo() {
        assertEquals("The registry ghcr.io refused the login saved for it, so this server cannot pull ghcr.io/acme/app:2.0.0:"
                + " run `docker login ghcr.io` on ssh://deploy@10.203.0.11:22 (as the user Slipway logs in as) with an account"
                + " that may pull it and try again.",
                LoginAdvice.pullRefused("ghcr.io", "ghcr.io/acme/app:2.0.0", server, true).getMessage());
    }

    @Test
    void dockerHubIsLoggedIntoWithoutAName() {
        assertEquals("The registry docker.io refused to list the tags of acme/app without a login: run `docker login` on"
                + " this computer (as the user Slipway runs as) and try again.",
                LoginAdvice.tagsRefused("docker.io", "acme/app", RegistryLogins.none(), false).getMessage());
        assertEquals("Image docker.io/acme/app:1.0 does not exist in the registry, or the registry docker.io wants a login"
                + " for it: check the version, or run `docker login` on ssh://deploy@10.203.0.11:22 (as the user Slipway"
                + " logs in as) and try again.",
                LoginAdvice.missingOrPrivate("docker.io", "docker.io/acme/app:1.0", server).getMessage());
    }

    @Test
    void tagListingsSayTheSame() {
        assertEquals("The registry 127.0.0.1:5556 refused the login saved for it, so the tags of slipway-fixture/app cannot be"
                + " listed: run `docker login 127.0.0.1:5556` on ssh://deploy@10.203.0.11:22 (as the user Slipway logs in as)"
                + " with an account that may pull it and try again.",
                LoginAdvice.tagsRefused("127.0.0.1:5556", "slipway-fixture/app", server, true).getMessage());
    }
}
