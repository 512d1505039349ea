package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.fakes.InMemoryHost;
import app.slipway.core.host.ExecResult;
import app.slipway.core.registry.RegistryLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pull sends as X-Registry-Auth, and what a registry's refusal becomes, against canned engine answers. */
class EnginePullLoginTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "/home/deploy/.docker/config.json";
    private static final String IMAGE = "127.0.0.1:5556/slipway-fixture/app";
    private static final String PULLED = "{\"status\":\"Status: Downloaded newer image for " + IMAGE + ":2.0.0\"}\r\n";

    /** An engine socket answering every connection with {@code response}, keeping the requests. */
    private static final class Canned implements app.slipway.core.host.EngineSocket {
        final String response;
        final List<CannedDuplexStream> opened = new ArrayList<>();

        Canned(int status, String body) {
            this.response = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        }

        @Override
        public CannedDuplexStream open() {
            var stream = new CannedDuplexStream(response);
            opened.add(stream);
            return stream;
        }

        String request() {
            return opened.get(opened.size() - 1).requestText();
        }
    }

    private static InMemoryHost server(String config) {
        return new InMemoryHost().remote().answering(c -> new ExecResult(1, "", "")).file(CONFIG, config, 0600);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The X-Registry-Auth header of a request, decoded as the engine does (base64url JSON); empty when absent. */
    private static Optional<JsonNode> registryAuth(String request) throws Exception {
        for (String line : request.split("\r\n")) {
            if (line.regionMatches(true, 0, "X-Registry-Auth:", 0, 16)) {
                String value = line.substring(16).strip();
                assertTrue(value.matches("[A-Za-z0-9_=-]+"), "base64url: " + value);
                return Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(value)));
            }
        }
        return Optional.empty();
    }

    @Test
    void aPullCarriesTheTargetUsersLoginAsUsernameAndPassword() throws Exception {
        Canned socket = new Canned(200, PULLED);
        RegistryLogins logins = RegistryLogins.of(server("{\"auths\":{\"" + "127.0.0.1:5556" + "\":{\"auth\":\""
                + b64("slipway:pa+ss/wörd?") + "\"}}}"));
        try (Engine engine = Engine.connect(socket, "ssh://deploy@10.203.0.11:22", logins)) {
            engine.pull(IMAGE, "2.0.0", PullListener.IGNORE);
        }
        String request = socket.request();
        assertTrue(request.startsWith("POST /images/create?"), request);
        assertEquals(JSON.readTree("{\"username\":\"slipway\",\"password\":\"pa+ss/wörd?\"}"), registryAuth(request).orElseThrow());
    }

    @Test
    void anIdentityTokenIsSentAlone() throws Exception {
        Canned socket = new Canned(200, PULLED);
        RegistryLogins logins = RegistryLogins.of(server("{\"auths\":{\"127.0.0.1:5556\":{\"identitytoken\":\"refresh-1\"}}}"));
        try (Engine engine = Engine.connect(socket, null, logins)) {
            engine.pull(IMAGE, "2.0.0", PullListener.IGNORE);
        }
        assertEquals(JSON.readTree("{\"identitytoken\":\"refresh-1\"}"), registryAuth(socket.request()).orElseThrow());
    }

    @Test
    void withoutALoginNothingIsSentNotEvenThisComputersOwn(@TempDir Path local) throws Exception {
        // docker-java reads DOCKER_CONFIG (a system property wins) for every pull unless told otherwise.
        Files.writeString(local.resolve("config.json"), "{\"auths\":{\"127.0.0.1:5556\":{\"auth\":\"" + b64("desk:top") + "\"}}}");
        String before = System.getProperty("DOCKER_CONFIG");
        System.setProperty("DOCKER_CONFIG", local.toString());
        try {
            Canned socket = new Canned(200, PULLED);
            try (Engine engine = Engine.connect(socket, null, RegistryLogins.of(server("{}")))) {
                engine.pull(IMAGE, "2.0.0", PullListener.IGNORE);
            }
            assertEquals(Optional.empty(), registryAuth(socket.request()), socket.request());
            Canned anonymous = new Canned(200, PULLED);
            try (Engine engine = Engine.connect(anonymous, null)) {
                engine.pull(IMAGE, "2.0.0", PullListener.IGNORE);
            }
            assertEquals(Optional.empty(), registryAuth(anonymous.request()), anonymous.request());
        } finally {
            if (before == null) System.clearProperty("DOCKER_CONFIG");
            else System.setProperty("DOCKER_CONFIG", before);
        }
    }

    @Test
    void aRegistryWithoutTheLoginIsOneSentenceSayingWhereToLogIn() {
        Canned socket = new Canned(500, "{\"message\":\"Head \\\"http://" + IMAGE.replace("/slipway-fixture/app", "")
                + "/v2/slipway-fixture/app/manifests/2.0.0\\\": no basic auth credentials\"}");
        try (Engine engine = Engine.connect(socket, "ssh://deploy@10.203.0.11:22", RegistryLogins.of(server("{}").remote()))) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(IMAGE, "2.0.0", PullListener.IGNORE));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("The registry 127.0.0.1:5556 refused to let this server pull " + IMAGE + ":2.0.0 without a login:"
                    + " run `docker login 127.0.0.1:5556` on ssh://deploy@10.203.0.11:22 (as the user Slipway logs in as)"
                    + " and try again.", e.getMessage());
        }
    }

    @Test
    void aLoginTheRegistryTurnsDownIsSaidSoAndNeverShown() {
        InMemoryHost host = server("{\"auths\":{\"127.0.0.1:5556\":{\"username\":\"slipway\",\"password\":\"hunter2\"}}}");
        for (Canned socket : List.of(
                new Canned(500, "{\"message\":\"unauthorized: authentication required\"}"),
                new Canned(401, "{\"message\":\"unauthorized: incorrect username or password\"}"),
                new Canned(200, "{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},"
                        + "\"error\":\"unauthorized: authentication required\"}\r\n"))) {
            try (Engine engine = Engine.connect(socket, "ssh://deploy@10.203.0.11:22", RegistryLogins.of(host))) {
                SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(IMAGE, "2.0.0", PullListener.IGNORE));
                assertTrue(e.getMessage().startsWith("The registry 127.0.0.1:5556 refused the login saved for it, so this"
                        + " server cannot pull " + IMAGE + ":2.0.0: run `docker login 127.0.0.1:5556` on"), e.getMessage());
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.toString());
                }
            }
        }
    }

    @Test
    void aRefusalDropsWhatWasReadSoALoginMadeSinceCountsOnTheNextTry() throws Exception {
        InMemoryHost host = server("{}");
        RegistryLogins logins = RegistryLogins.of(host);
        Canned refusing = new Canned(500, "{\"message\":\"no basic auth credentials\"}");
        try (Engine engine = Engine.connect(refusing, null, logins)) {
            assertThrows(SlipwayException.class, () -> engine.pull(IMAGE, "2.0.0", PullListener.IGNORE));
        }
        host.file(CONFIG, "{\"auths\":{\"127.0.0.1:5556\":{\"username\":\"slipway\",\"password\":\"pw\"}}}", 0600);
        Canned pulling = new Canned(200, PULLED);
        try (Engine engine = Engine.connect(pulling, null, logins)) {
            engine.pull(IMAGE, "2.0.0", PullListener.IGNORE);
        }
        assertEquals("slipway", registryAuth(pulling.request()).orElseThrow().get("username").asText());
    }

    @Test
    void dockerHubsAnswerForPrivateOrMissingSaysBoth() {
        Canned socket = new Canned(404, "{\"message\":\"pull access denied for acme/app, repository does not exist or may"
                + " require 'docker login': denied: requested access to the resource is denied\"}");
        try (Engine engine = Engine.connect(socket, null, RegistryLogins.of(server("{}")))) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull("docker.io/acme/app", "1.0", PullListener.IGNORE));
            assertEquals("Image docker.io/acme/app:1.0 does not exist in the registry, or the registry docker.io wants a login"
                    + " for it: check the version, or run `docker login` on ssh://deploy@10.203.0.11:22 (as the user Slipway"
                    + " logs in as) and try again.", e.getMessage());
        }
        Canned missing = new Canned(404, "{\"message\":\"manifest for " + IMAGE + ":9.9 not found: manifest unknown\"}");
        try (Engine engine = Engine.connect(missing, null, RegistryLogins.of(server("{}")))) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(IMAGE, "9.9", PullListener.IGNORE));
            assertEquals("Image " + IMAGE + ":9.9 does not exist in the registry: check the version.", e.getMessage());
        }
    }
}
