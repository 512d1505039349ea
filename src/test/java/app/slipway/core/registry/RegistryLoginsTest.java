package app.slipway.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.fakes.InMemoryHost;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The target user's logins: their config read through the target, their helpers run there. */
class RegistryLoginsTest {
    private static final String HOME_CONFIG = "/home/deploy/.docker/config.json";

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A server whose login shell has no DOCKER_CONFIG, answering helpers with {@code helpers}. */
    private static InMemoryHost server(Function<Command, ExecResult> helpers) {
        return new InMemoryHost().remote().answering(c -> c.argv().equals(List.of("printenv", "DOCKER_CONFIG"))
                ? new ExecResult(1, "", "") : helpers.apply(c));
    }

    private static long helperRuns(InMemoryHost host) {
        return host.commands().stream().filter(c -> c.argv().get(0).startsWith("docker-credential-")).count();
    }

    @Test
    void readsTheServerUsersOwnConfigThroughTheTarget() {
        InMemoryHost host = server(c -> new ExecResult(127, "", ""))
                .file(HOME_CONFIG, "{\"auths\":{\"127.0.0.1:5556\":{\"auth\":\"" + b64("slipway:pw") + "\"}}}", 0600);
        RegistryLogins logins = RegistryLogins.of(host);

        assertEquals(Optional.of(RegistryCredential.password("slipway", "pw")), logins.forRegistry("127.0.0.1:5556"));
        assertEquals(Optional.empty(), logins.forRegistry("ghcr.io"));
        assertEquals(List.of("printenv DOCKER_CONFIG"), host.commandLines(), "the directory is asked once, the file read over SFTP");
    }

    @Test
    void honoursTheServersDockerConfigVariable() {
        InMemoryHost host = new InMemoryHost().remote()
                .answering(c -> new ExecResult(0, "/srv/docker-config\n", ""))
                .file("/srv/docker-config/config.json", "{\"auths\":{\"ghcr.io\":{\"username\":\"ci\",\"password\":\"pw\"}}}", 0600)
                .file(HOME_CONFIG, "{\"auths\":{}}", 0600);
        assertEquals("ci", RegistryLogins.of(host).forRegistry("ghcr.io").orElseThrow().username());
    }

    @Test
    void aMissingConfigMeansNoLogins() {
        InMemoryHost host = server(c -> new ExecResult(0, "", ""));
        assertEquals(Optional.empty(), RegistryLogins.of(host).forRegistry("127.0.0.1:5556"));
        assertEquals(Optional.empty(), RegistryLogins.of(host, "/nowhere").forRegistry("127.0.0.1:5556"));
    }

    @Test
    void runsTheStoresHelperOnTheTargetWithTheRegistryOnStandardInput() {
        InMemoryHost host = server(c -> new ExecResult(0,
                "{\"ServerURL\":\"" + c.input() + "\",\"Username\":\"slipway\",\"Secret\":\"pw-from-pass\"}\n", ""))
                .file(HOME_CONFIG, "{\"credsStore\":\"pass\",\"auths\":{\"127.0.0.1:5556\":{}}}", 0600);
        RegistryLogins logins = RegistryLogins.of(host);

        assertEquals(Optional.of(RegistryCredential.password("slipway", "pw-from-pass")), logins.forRegistry("127.0.0.1:5556"));
        Command helper = host.commands().get(1);
        assertEquals(List.of("docker-credential-pass", "get"), helper.argv());
        assertEquals("127.0.0.1:5556", helper.input(), "the key alone, as Docker writes it");

        logins.forRegistry("docker.io");
        assertEquals("https://index.docker.io/v1/", host.commands().get(2).input(), "Docker Hub is asked by its index URL");
    }

    @Test
    void aRegistrysOwnHelperIsTheOneAsked() {
        InMemoryHost host = server(c -> new ExecResult(0, "{\"Username\":\"<token>\",\"Secret\":\"refresh-token\"}", ""))
                .file(HOME_CONFIG, "{\"credsStore\":\"desktop\",\"credHelpers\":{\"acr.example.io\":\"acr-env\"}}", 0600);
        RegistryCredential login = RegistryLogins.of(host).forRegistry("acr.example.io").orElseThrow();
        assertEquals("docker-credential-acr-env", host.commands().get(1).argv().get(0));
        assertTrue(login.hasIdentityToken(), "<token> as the user name means an identity token");
        assertEquals("refresh-token", login.identityToken());
    }

    @Test
    void aHelperWithNothingSavedMeansNoLogin() {
        InMemoryHost host = server(c -> new ExecResult(1, CredentialHelper.NOT_FOUND + "\n", ""))
                .file(HOME_CONFIG, "{\"credsStore\":\"secretservice\"}", 0600);
        assertEquals(Optional.empty(), RegistryLogins.of(host).forRegistry("ghcr.io"));
    }

    @Test
    void aMissingOrFailingHelperIsOneSentence() {
        InMemoryHost missing = server(c -> new ExecResult(127, "", "sh: docker-credential-desktop: not found"))
                .file(HOME_CONFIG, "{\"credsStore\":\"desktop\"}", 0600);
        SlipwayException e = assertThrows(SlipwayException.class, () -> RegistryLogins.of(missing).forRegistry("ghcr.io"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Slipway cannot read the login for ghcr.io on ssh://deploy@10.203.0.11:22: docker-credential-desktop"
                + " is not installed (not on the PATH); check that `docker pull` works there as the same user, or remove"
                + " the helper from the Docker config there.", e.getMessage());

        InMemoryHost failing = server(c -> new ExecResult(1, "{\"Secret\":\"half-printed-hunter2\"", "gpg: decryption failed"))
                .file(HOME_CONFIG, "{\"credsStore\":\"pass\"}", 0600);
        SlipwayException f = assertThrows(SlipwayException.class, () -> RegistryLogins.of(failing).forRegistry("ghcr.io"));
        assertTrue(f.getMessage().contains("docker-credential-pass failed (exit 1)"), f.getMessage());
        assertFalse(f.getMessage().contains("hunter2"), "a helper's output is never quoted");

        InMemoryHost garbled = server(c -> new ExecResult(0, "Secret=hunter2", ""))
                .file(HOME_CONFIG, "{\"credsStore\":\"pass\"}", 0600);
        SlipwayException g = assertThrows(SlipwayException.class, () -> RegistryLogins.of(garbled).forRegistry("ghcr.io"));
        assertFalse(g.getMessage().contains("hunter2"), g.getMessage());
    }

    @Test
    void aHelperNameThatIsNoProgramIsRefused() {
        InMemoryHost host = server(c -> new ExecResult(0, "", "")).file(HOME_CONFIG, "{\"credsStore\":\"../../bin/sh\"}", 0600);
        assertThrows(SlipwayException.class, () -> RegistryLogins.of(host).forRegistry("ghcr.io"));
        assertEquals(0, helperRuns(host));
    }

    @Test
    void looksUpOncePerRegistryUntilARefusalForgetsIt() {
        InMemoryHost host = server(c -> new ExecResult(0, "{\"Username\":\"u\",\"Secret\":\"s\"}", ""))
                .file(HOME_CONFIG, "{\"credsStore\":\"pass\"}", 0600);
        RegistryLogins logins = RegistryLogins.of(host);
        logins.forRegistry("ghcr.io");
        logins.forRegistry("ghcr.io");
        logins.forRegistry("ghcr.io");
        assertEquals(1, helperRuns(host));
        logins.forRegistry("quay.io");
        assertEquals(2, helperRuns(host), "once per registry");

        host.file(HOME_CONFIG, "{\"auths\":{\"ghcr.io\":{\"username\":\"new\",\"password\":\"login\"}}}", 0600);
        assertEquals("u", logins.forRegistry("ghcr.io").orElseThrow().username(), "still what was read");
        logins.forget("ghcr.io");
        assertEquals("new", logins.forRegistry("ghcr.io").orElseThrow().username(), "a docker login made since counts");
        assertEquals(2, helperRuns(host));
    }

    @Test
    void noLoginsAskNothing() {
        assertEquals(Optional.empty(), RegistryLogins.none().forRegistry("ghcr.io"));
    }

    @Test
    void theLoginsNeverShowTheirSecrets() {
        InMemoryHost host = server(c -> new ExecResult(0, "", ""))
                .file(HOME_CONFIG, "{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"hunter2\"}}}", 0600);
        RegistryLogins logins = RegistryLogins.of(host);
        Optional<RegistryCredential> login = logins.forRegistry("ghcr.io");
        assertFalse(logins.toString().contains("hunter2"), logins.toString());
        assertFalse(login.toString().contains("hunter2"), login.toString());
    }
}
