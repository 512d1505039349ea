package app.slipway.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** config.json as Docker writes it, looked up by Docker's key rules. */
class DockerConfigTest {
    private static final LoginPlace SERVER = new LoginPlace(true, "ssh://deploy@vps.example.com:22");

    private static DockerConfig parse(String json) {
        return DockerConfig.parse(json.getBytes(StandardCharsets.UTF_8), "/home/deploy/.docker/config.json", SERVER);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAuthFieldIsBase64OfUserColonPasswordAndWinsOverTheNamedFields() {
        DockerConfig config = parse("{\"auths\":{\"127.0.0.1:5556\":{\"auth\":\"" + b64("slipway:pa:ss word") + "\","
                + "\"username\":\"other\",\"password\":\"other\"}}}");
        RegistryCredential login = config.fileLogin("127.0.0.1:5556").orElseThrow();
        assertEquals("slipway", login.username());
        assertEquals("pa:ss word", login.password(), "only the first colon separates");
        assertFalse(login.hasIdentityToken());
    }

    @Test
    void usernameAndPasswordFieldsAndIdentityTokensAreReadToo() {
        DockerConfig config = parse("{\"auths\":{"
                + "\"registry.example.com\":{\"username\":\"ci\",\"password\":\"s3cret\"},"
                + "\"acr.example.io\":{\"auth\":\"" + b64("00000000-0000-0000-0000-000000000000:") + "\",\"identitytoken\":\"refresh-me\"}}}");
        assertEquals(RegistryCredential.password("ci", "s3cret"), config.fileLogin("registry.example.com").orElseThrow());
        RegistryCredential token = config.fileLogin("acr.example.io").orElseThrow();
        assertTrue(token.hasIdentityToken());
        assertEquals("refresh-me", token.identityToken());
    }

    @Test
    void dockerHubIsLookedUpByItsIndexUrlOnly() {
        assertEquals("https://index.docker.io/v1/", DockerConfig.keyOf("docker.io"));
        assertEquals("ghcr.io", DockerConfig.keyOf("ghcr.io"));
        DockerConfig hub = parse("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("me:hub") + "\"}}}");
        assertEquals("hub", hub.fileLogin(DockerConfig.keyOf("docker.io")).orElseThrow().password());
        DockerConfig byHost = parse("{\"auths\":{\"index.docker.io\":{\"auth\":\"" + b64("me:hub") + "\"},"
                + "\"docker.io\":{\"auth\":\"" + b64("me:hub") + "\"}}}");
        assertEquals(Optional.empty(), byHost.fileLogin(DockerConfig.keyOf("docker.io")), "as in Docker: only its own key");
    }

    @Test
    void aKeyWithSchemeOrPathMatchesItsHostAndPort() {
        DockerConfig config = parse("{\"auths\":{"
                + "\"https://registry.example.com/v1/\":{\"auth\":\"" + b64("a:1") + "\"},"
                + "\"http://127.0.0.1:5556\":{\"auth\":\"" + b64("b:2") + "\"},"
                + "\"127.0.0.1\":{\"auth\":\"" + b64("c:3") + "\"}}}");
        assertEquals("1", config.fileLogin("registry.example.com").orElseThrow().password());
        assertEquals("2", config.fileLogin("127.0.0.1:5556").orElseThrow().password());
        assertEquals("3", config.fileLogin("127.0.0.1").orElseThrow().password());
        assertEquals(Optional.empty(), config.fileLogin("127.0.0.1:5555"), "another port is another registry");
        assertEquals(Optional.empty(), config.fileLogin("example.com"));
    }

    @Test
    void anExactKeyWinsOverAHostMatch() {
        DockerConfig config = parse("{\"auths\":{\"https://ghcr.io/v1/\":{\"auth\":\"" + b64("old:1") + "\"},"
                + "\"ghcr.io\":{\"auth\":\"" + b64("new:2") + "\"}}}");
        assertEquals("new", config.fileLogin("ghcr.io").orElseThrow().username());
    }

    @Test
    void ofSeveralHostMatchesTheFirstInTheFileWins() {
        DockerConfig config = parse("{\"auths\":{\"https://ghcr.io/v1/\":{\"auth\":\"" + b64("first:1") + "\"},"
                + "\"http://ghcr.io\":{\"auth\":\"" + b64("second:2") + "\"}}}");
        assertEquals("first", config.fileLogin("ghcr.io").orElseThrow().username());
    }

    @Test
    void anEmptyEntryIsNoLogin() {
        assertEquals(Optional.empty(), parse("{\"auths\":{\"ghcr.io\":{}}}").fileLogin("ghcr.io"));
        assertEquals(Optional.empty(), parse("{}").fileLogin("ghcr.io"));
        assertEquals(Optional.empty(), parse("{}").helperFor("ghcr.io"));
    }

    @Test
    void aRegistrysOwnHelperWinsOverTheStore() {
        DockerConfig config = parse("{\"credsStore\":\"pass\",\"credHelpers\":{\"ghcr.io\":\"gh\","
                + "\"https://index.docker.io/v1/\":\"desktop\"},\"auths\":{\"ghcr.io\":{}}}");
        assertEquals(Optional.of("gh"), config.helperFor("ghcr.io"));
        assertEquals(Optional.of("desktop"), config.helperFor(DockerConfig.keyOf("docker.io")));
        assertEquals(Optional.of("pass"), config.helperFor("127.0.0.1:5556"));
        assertEquals(Optional.of("gh"), parse("{\"credHelpers\":{\"ghcr.io\":\"gh\"}}").helperFor("ghcr.io"));
        assertEquals(Optional.empty(), parse("{\"credHelpers\":{\"ghcr.io\":\"gh\"}}").helperFor("quay.io"));
    }

    @Test
    void aBrokenFileIsToldByItsLineWithoutQuotingIt() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> parse("{\"auths\":{\"ghcr.io\":{\"password\":\"hunter2-secret\"\n,,}}}"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The Docker config /home/deploy/.docker/config.json on ssh://deploy@vps.example.com:22 is not valid"
                + " JSON (line 2): fix it, or move it away and run `docker login` again.", e.getMessage());
        assertFalse(String.valueOf(e.getCause()).contains("hunter2"));
    }

    @Test
    void aDamagedAuthIsRefusedWithoutShowingIt() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> parse("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("no-colon-hunter2") + "\"}}}"));
        assertEquals("The login saved for ghcr.io in the Docker config /home/deploy/.docker/config.json on"
                + " ssh://deploy@vps.example.com:22 is damaged: run `docker login` for it again there.", e.getMessage());
        assertFalse(e.getMessage().contains(b64("no-colon-hunter2")));
        assertThrows(SlipwayException.class, () -> parse("{\"auths\":{\"ghcr.io\":{\"auth\":\"%%%not-base64\"}}}"));
    }

    @Test
    void neitherTheConfigNorACredentialShowsItsSecrets() {
        DockerConfig config = parse("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("me:hunter2") + "\"}},\"credsStore\":\"pass\"}");
        assertFalse(config.toString().contains("hunter2"), config.toString());
        RegistryCredential login = RegistryCredential.password("me", "hunter2");
        assertEquals("RegistryCredential[hidden]", login.toString());
        assertEquals("RegistryCredential[hidden]", RegistryCredential.identityToken("hunter2").toString());
    }
}
