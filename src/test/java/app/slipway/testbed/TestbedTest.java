package app.slipway.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the real testbed (testbed/up.sh) is up: engine socket, registry with every fixture tag, sshd. */
class TestbedTest {

    private static Testbed testbed;

    @BeforeAll
    static void requireTestbed() {
        testbed = Testbed.require();
    }

    @Test
    void dockerSocketAnswersPing() throws Exception {
        String response = testbed.engineGet("/_ping");
        assertTrue(response.startsWith("HTTP/1.1 200"), () -> "engine /_ping answered: " + response);
        assertTrue(response.endsWith("\r\n\r\nOK"), () -> "engine /_ping body is not OK: " + response);
        assertTrue(response.contains("Api-Version:"), () -> "engine /_ping sent no Api-Version: " + response);
    }

    @Test
    void registryListsEveryFixtureTag() throws Exception {
        String repository = testbed.fixtureImage().substring(testbed.registry().length() + 1);
        assertEquals("slipway-fixture/app", repository);
        HttpResponse<String> tags = testbed.registryGet("/v2/" + repository + "/tags/list");
        assertEquals(200, tags.statusCode(), tags::body);
        List<String> versions = testbed.fixtureVersions();
        assertEquals(List.of("1.0.0", "2.0.0", "2.1.0", "3.0.0", "3.0.1"), versions);
        for (String version : versions) {
            assertTrue(tags.body().contains("\"" + version + "\""),
                    () -> "registry lacks " + testbed.fixtureImage(version) + ": " + tags.body());
        }
        HttpResponse<String> postgres = testbed.registryGet("/v2/slipway-fixture/postgres/tags/list");
        assertEquals(200, postgres.statusCode(), postgres::body);
        assertTrue(postgres.body().contains("\"15\""), postgres::body);
        assertEquals(testbed.registry() + "/slipway-fixture/postgres:15", testbed.postgresImage());
    }

    @Test
    void sshdAcceptsTcpAndSendsItsBanner() throws Exception {
        assertEquals("127.0.0.1", testbed.sshHost());
        String banner = testbed.sshBanner();
        assertTrue(banner.startsWith("SSH-2.0-"), () -> "sshd banner: " + banner);
    }

    @Test
    void sshMaterialIsInPlace() throws Exception {
        assertTrue(Files.readString(testbed.sshKey()).contains("OPENSSH PRIVATE KEY"));
        String known = Files.readString(testbed.knownHosts()).strip();
        String wrong = Files.readString(testbed.wrongKnownHosts()).strip();
        String prefix = "[" + testbed.sshHost() + "]:" + testbed.sshPort() + " ssh-ed25519 ";
        assertTrue(known.startsWith(prefix), known);
        assertTrue(wrong.startsWith(prefix), wrong);
        assertTrue(!known.equals(wrong), "the wrong known_hosts must hold a different key");
        assertTrue(testbed.password().length() >= 16, "password too short");
        assertTrue(!testbed.dockerUser().equals(testbed.nodockerUser()));
    }

    @Test
    void fixtureFilesArePresent() {
        for (String name : List.of("compose-legacy.yml", "compose.yml", "env.example", "profile.yml")) {
            assertTrue(Files.isRegularFile(testbed.fixtureDir().resolve(name)), () -> "missing fixture file " + name);
        }
        assertEquals(18080, testbed.fixturePort());
    }
}
