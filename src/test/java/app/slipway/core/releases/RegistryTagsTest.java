package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.testbed.Testbed;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class RegistryTagsTest {
    private final RegistryTags registry = new RegistryTags(new OkHttpClient());

    @Test
    void listsTheTagsOfTheRealTestbedRegistry() {
        Testbed testbed = Testbed.require();
        assertEquals("127.0.0.1:5555", testbed.registry());
        assertEquals(Set.copyOf(testbed.fixtureVersions()), registry.tags(testbed.registry() + "/slipway-fixture/app"));
    }

    @Test
    void unknownRepositoryHasNoTags() {
        Testbed testbed = Testbed.require();
        assertEquals(Set.of(), registry.tags(testbed.registry() + "/slipway-fixture/no-such-image"));
    }

    @Test
    void anonymousBearerTokenDanceAndPagination() throws Exception {
        try (var fake = new FakeRegistry()) {
            Set<String> tags = registry.tags(fake.image());

            assertEquals(FakeRegistry.tags(), List.copyOf(tags), "every page, in order");
            assertTrue(fake.seen.get(0).startsWith("GET /v2/acme/app/tags/list?n=100"), fake.seen.toString());
            assertTrue(fake.seen.get(1).startsWith("GET /token?service=fake-registry&scope=repository%3Aacme%2Fapp%3Apull"),
                    fake.seen.toString());
            assertTrue(fake.seen.get(2).endsWith("[Bearer " + FakeRegistry.TOKEN + "]"), fake.seen.toString());
            assertEquals(5, fake.seen.size(), "401, token, then three pages with the token: " + fake.seen);
            fake.seen.subList(3, 5).forEach(s -> assertTrue(s.contains("last=") && s.endsWith("[Bearer " + FakeRegistry.TOKEN + "]"), s));
        }
    }

    @Test
    void unreachableRegistryIsRefusedInOneSentence() throws Exception {
        String image;
        try (var fake = new FakeRegistry()) {
            image = fake.image();
        }
        SlipwayException e = assertThrows(SlipwayException.class, () -> registry.tags(image));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("The registry " + image.substring(0, image.indexOf('/')) + " cannot be reached"),
                e.getMessage());
    }

    @Test
    void loopbackRegistriesUseHttpOthersHttps() {
        assertEquals("http://127.0.0.1:5555/", RegistryTags.baseUrl("127.0.0.1:5555").toString());
        assertEquals("http://localhost:5000/", RegistryTags.baseUrl("localhost:5000").toString());
        assertEquals("https://ghcr.io/", RegistryTags.baseUrl("ghcr.io").toString());
        assertEquals("https://registry-1.docker.io/", RegistryTags.baseUrl("docker.io").toString());
    }

    @Test
    void parsesBearerChallenges() {
        BearerChallenge c = BearerChallenge.parse(
                "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:appstrate/appstrate:pull\"").orElseThrow();
        assertEquals("https://ghcr.io/token", c.realm());
        assertEquals("ghcr.io", c.service().orElseThrow());
        assertEquals("repository:appstrate/appstrate:pull", c.scope().orElseThrow());
        assertTrue(BearerChallenge.parse("Basic realm=\"x\"").isEmpty());
    }
}
