package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.PullListener;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import app.slipway.core.host.Targets;
import app.slipway.core.registry.RegistryLogins;
import app.slipway.core.releases.RegistryTags;
import app.slipway.testbed.Testbed;
import org.junit.jupiter.api.Test;

/**
 * Over SSH the logins are the server user's: a {@code docker login} made there (as the testbed's
 * docker user, through the session) is what the server's pulls and the tag look-ups use; without
 * it, the sentence names the server.
 */
class RegistryLoginSshTest {
    private final Testbed testbed = Testbed.require();

    @Test
    void theServerUsersOwnDockerLoginIsWhatPullsAndTagLookUpsUse() {
        String registry = testbed.authRegistry();
        String image = registry + "/slipway-fixture/app";
        String version = testbed.currentVersion();
        try (Target server = Targets.open("ssh://" + testbed.dockerUser() + "@" + testbed.sshHost() + ":" + testbed.sshPort(),
                testbed.sshKey(), testbed.knownHosts(), false)) {
            server.exec(Command.of("docker", "logout", registry)); // no login for it there to begin with
            RegistryLogins logins = RegistryLogins.of(server);
            RegistryTags tags = RegistryTags.standard(logins);
            try (Engine engine = Engine.connect(server.engineSocket(), server.describe(), logins)) {
                SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(image, version, PullListener.IGNORE));
                assertEquals(ExitCode.REFUSED, e.exitCode());
                assertEquals("The registry " + registry + " refused to let this server pull " + image + ":" + version
                        + " without a login: run `docker login " + registry + "` on " + server.describe()
                        + " (as the user Slipway logs in as) and try again.", e.getMessage());
                SlipwayException t = assertThrows(SlipwayException.class, () -> tags.tags(image));
                assertTrue(t.getMessage().startsWith("The registry " + registry + " refused to list the tags of"
                        + " slipway-fixture/app without a login: run `docker login " + registry + "` on " + server.describe()),
                        t.getMessage());

                // As the user would, on the server: the password on standard input, through the session.
                ExecResult login = server.exec(Command.of("docker", "login", "-u", testbed.authRegistryUser(),
                        "--password-stdin", registry).feeding(testbed.authRegistryPassword()));
                assertEquals(0, login.exitCode(), login.stderr());

                engine.pull(image, version, PullListener.IGNORE); // the refusal dropped what was read: the login counts now
                assertTrue(engine.imageExistsLocally(image + ":" + version));
                assertTrue(tags.tags(image).containsAll(testbed.fixtureVersions()));
            } finally {
                server.exec(Command.of("docker", "logout", registry));
                server.exec(Command.of("docker", "rmi", image + ":" + version)); // the tag only: 5555's image stays
            }
        }
    }
}
