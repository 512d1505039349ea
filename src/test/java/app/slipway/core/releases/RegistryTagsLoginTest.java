package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.fakes.InMemoryHost;
import app.slipway.core.host.ExecResult;
import app.slipway.core.registry.RegistryLogins;
import app.slipway.testbed.Testbed;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Tags of a registry that wants a login: the target user's, as Basic auth or at the token service. */
class RegistryTagsLoginTest {
    private static final String CONFIG = "/home/deploy/.docker/config.json";

    private static RegistryLogins loginsWith(String registry, String entry) {
        InMemoryHost server = new InMemoryHost().remote().answering(c -> new ExecResult(1, "", ""))
                .file(CONFIG, "{\"auths\":{\"" + registry + "\":" + entry + "}}", 0600);
        return RegistryLogins.of(server);
    }

    private static String password() {
        return "{\"username\":\"" + FakePrivateRegistry.USER + "\",\"password\":\"" + FakePrivateRegistry.PASSWORD + "\"}";
    }

    private static void neverShown(SlipwayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.toString());
        }
    }

    @Test
    void basicAuthWithTheLogin() throws Exception {
        try (var fake = new FakePrivateRegistry(FakePrivateRegistry.Scheme.BASIC)) {
            var tags = new RegistryTags(new OkHttpClient(), loginsWith(fake.registry(), password()));
            assertEquals(Set.of("1.0.0", "2.0.0"), tags.tags(fake.image()));
            assertEquals(2, fake.seen.size(), "the 401, then the same page with the login: " + fake.seen);
            assertFalse(fake.seen.get(0).contains("["), "the login goes only where the registry asks for it");
            assertTrue(fake.seen.get(1).contains("[Basic "), fake.seen.toString());
        }
    }

    @Test
    void aBearerTokenAskedForWithTheLogin() throws Exception {
        try (var fake = new FakePrivateRegistry(FakePrivateRegistry.Scheme.BEARER)) {
            var tags = new RegistryTags(new OkHttpClient(), loginsWith(fake.registry(), password()));
            assertEquals(Set.of("1.0.0", "2.0.0"), tags.tags(fake.image()));
            assertTrue(fake.seen.get(1).startsWith("GET /token?service=private-registry&scope=repository%3Aacme%2Fapp%3Apull [Basic "),
                    fake.seen.toString());
            assertTrue(fake.seen.get(2).endsWith("[Bearer private-token-7]"), fake.seen.toString());
        }
    }

    @Test
    void anIdentityTokenIsExchangedAsARefreshToken() throws Exception {
        try (var fake = new FakePrivateRegistry(FakePrivateRegistry.Scheme.BEARER)) {
            var tags = new RegistryTags(new OkHttpClient(),
                    loginsWith(fake.registry(), "{\"identitytoken\":\"" + FakePrivateRegistry.IDENTITY_TOKEN + "\"}"));
            assertEquals(Set.of("1.0.0", "2.0.0"), tags.tags(fake.image()));
            assertTrue(fake.seen.get(1).startsWith("POST /token") && fake.seen.get(1).contains("grant_type=refresh_token"),
                    fake.seen.toString());
        }
    }

    @Test
    void withoutALoginItIsOneSentenceSayingWhereToLogIn() throws Exception {
        for (var scheme : List.of(FakePrivateRegistry.Scheme.BASIC, FakePrivateRegistry.Scheme.BEARER)) {
            try (var fake = new FakePrivateRegistry(scheme)) {
                var tags = new RegistryTags(new OkHttpClient(), loginsWith("elsewhere.example.com", password()));
                SlipwayException e = assertThrows(SlipwayException.class, () -> tags.tags(fake.image()));
                assertEquals(ExitCode.REFUSED, e.exitCode());
                assertEquals("The registry " + fake.registry() + " refused to list the tags of acme/app without a login: run"
                        + " `docker login " + fake.registry() + "` on ssh://deploy@10.203.0.11:22 (as the user Slipway logs in"
                        + " as) and try again.", e.getMessage(), scheme.toString());
            }
        }
    }

    @Test
    void aWrongLoginIsSaidSoWithoutShowingIt() throws Exception {
        for (var scheme : List.of(FakePrivateRegistry.Scheme.BASIC, FakePrivateRegistry.Scheme.BEARER)) {
            try (var fake = new FakePrivateRegistry(scheme)) {
                var tags = new RegistryTags(new OkHttpClient(),
                        loginsWith(fake.registry(), "{\"username\":\"slipway\",\"password\":\"hunter2-wrong\"}"));
                SlipwayException e = assertThrows(SlipwayException.class, () -> tags.tags(fake.image()));
                assertTrue(e.getMessage().startsWith("The registry " + fake.registry() + " refused the login saved for it,"
                        + " so the tags of acme/app cannot be listed: run `docker login " + fake.registry() + "` on"), e.getMessage());
                neverShown(e);
            }
        }
    }

    @Test
    void publicRegistriesNeverAskForTheLogin() throws Exception {
        InMemoryHost server = new InMemoryHost().remote().answering(c -> new ExecResult(1, "", ""));
        try (var fake = new FakeRegistry()) {
            new RegistryTags(new OkHttpClient(), RegistryLogins.of(server)).tags(fake.image());
        }
        assertEquals(List.of("printenv DOCKER_CONFIG"), server.commandLines(), "looked up at the 401, the anonymous token's");
        InMemoryHost untouched = new InMemoryHost().remote();
        new RegistryTags(new OkHttpClient(), RegistryLogins.of(untouched)).tags(Testbed.require().registry() + "/slipway-fixture/app");
        assertEquals(List.of(), untouched.commandLines(), "an open registry never answers 401: nothing is looked up");
    }
}
