package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.notify.HttpReceiver;
import app.slipway.core.notify.SmtpReceiver;
import app.slipway.core.releases.FakeGitHub;
import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway check} on a real fixture stack at 2.0.0, its releases on a fake GitHub and its
 * images in the testbed's registry (1.0.0 … 3.0.1); run locally and over SSH by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckContract {
    static final String SECRET = "0123456789abcdef0123456789abcdef"; // FixtureStack's FIXTURE_SECRET_KEY

    protected final Testbed testbed = Testbed.require();
    protected FixtureStack stack;
    protected FakeGitHub github;
    @TempDir Path work;

    protected abstract List<String> targetArgs();

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start("compose.yml", testbed.currentVersion());
    }

    @AfterAll
    void stopStack() {
        if (stack != null) stack.close();
    }

    @BeforeEach
    void startGitHub() throws IOException {
        github = new FakeGitHub()
                .release("v3.0.1", "Three zero one", "- fix: crash", false, false, "2026-11-25T10:00:00Z")
                .release("v3.0.0", "Three", "- feat!: the web service is now two", false, false, "2026-11-01T10:00:00Z")
                .release("v2.1.0", "Two one", "- feat: faster", false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", "- the worker is now job", false, false, "2026-09-01T10:00:00Z")
                .release("v1.0.0", "One", "- first", false, false, "2026-06-01T10:00:00Z");
    }

    @AfterEach
    void stopGitHub() throws IOException {
        github.close();
        Path state = stack.directory().resolve(".slipway");
        Files.deleteIfExists(state.resolve("policy.yml"));
        Files.deleteIfExists(state.resolve("notify.yml"));
    }

    /** The fixture's profile with its releases on the fake GitHub. */
    protected Path profile() throws IOException {
        Path file = work.resolve("fixture-profile.yml");
        Files.writeString(file, """
                name: Fixture
                version_variable: FIXTURE_VERSION
                images:
                  - %s
                health:
                  url: http://127.0.0.1:${FIXTURE_PORT:-18080}/up
                releases:
                  github: acme/app
                  api: %s
                """.formatted(testbed.fixtureImage(), github.api()));
        return file;
    }

    protected CliRun check(String... extra) throws IOException {
        var args = new ArrayList<>(List.of("check", "--dir", stack.directory().toString(), "--profile", profile().toString(),
                "--cache-dir", work.resolve("cache").toString()));
        args.addAll(List.of(extra));
        args.addAll(targetArgs());
        return CliRun.of(args.toArray(String[]::new));
    }

    protected void writeState(String name, String text) throws IOException {
        Files.createDirectories(stack.directory().resolve(".slipway"));
        Files.writeString(stack.directory().resolve(".slipway").resolve(name), text);
    }

    @Test
    void aNewerMinorReleaseIsExit100WithWhatToRunNext() throws IOException {
        CliRun run = check();

        assertEquals(100, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Product           Fixture\n"), out);
        assertTrue(out.contains("Current           2.0.0\n"), out);
        assertTrue(out.contains("Newest allowed    v2.1.0 (published 2026-10-01)\n"), out);
        assertTrue(out.contains("Newest overall    v3.0.1 (published 2026-11-25)\n"), out);
        assertTrue(out.contains("Breaking          none noted between 2.0.0 and v2.1.0\n"), out);
        assertTrue(out.contains("Notes             https://github.com/acme/app/releases/tag/v2.1.0\n"), out);
        assertTrue(out.contains("Policy            minor steps, no prereleases, no minimum age, nothing skipped, not unattended"
                + " (default policy)\n"), out);
        assertTrue(out.contains("Held back         v3.0.1: a major step; the policy allows minor\n"), out);
        assertTrue(out.contains("An update is available: slipway upgrade"), out);
        assertTrue(out.contains("--dir " + stack.directory() + " --to v2.1.0"), out);
        assertFalse(out.contains(SECRET) || run.err().contains(SECRET), "a secret from .env was printed");
    }

    @Test
    void jsonIsOneObjectWithTheAnswer() throws IOException {
        writeState("policy.yml", "level: major\nskip: [3.0.1]\n");

        CliRun run = check("--json");

        assertEquals(100, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("2.0.0", json.get("current").asText());
        assertEquals("v3.0.0", json.get("newestAllowed").asText());
        assertEquals("v3.0.1", json.get("newestOverall").asText());
        assertTrue(json.get("updateAvailable").asBoolean());
        assertTrue(json.get("breakingBetween").asBoolean());
        assertEquals("feat!: the web service is now two", json.get("breakingChanges").get(0).get("text").asText());
        assertEquals("https://github.com/acme/app/releases/tag/v3.0.0", json.get("notesUrl").asText());
        JsonNode policy = json.get("policy");
        assertEquals("major", policy.get("level").asText());
        assertEquals("3.0.1", policy.get("skip").get(0).asText());
        assertEquals(stack.directory() + "/.slipway/policy.yml", policy.get("file").asText());
        assertTrue(policy.get("summary").asText().startsWith("major steps, no prereleases"), policy.toString());
        assertEquals("skipped by the policy", json.get("heldBack").get(0).get("reason").asText());
    }

    @Test
    void upToDateIsExit0() throws IOException {
        writeState("policy.yml", "level: patch\n");

        CliRun run = check();

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Newest allowed    none newer than 2.0.0\n"), run.out());
        assertTrue(run.out().endsWith("Up to date: no newer release the policy allows.\n"), run.out());
    }

    @Test
    void aBadPolicyIsExit2NamingItsLine() throws IOException {
        writeState("policy.yml", "level: minor\nunattended: sometimes\n");

        CliRun run = check();

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(stack.directory() + "/.slipway/policy.yml, line 2: unattended must be true or false (got 'sometimes').\n",
                run.err());
    }

    @Test
    void anUnreachableReleaseSourceIsExit3InOneSentence() throws IOException {
        Path profile = profile();
        github.close();

        CliRun run = check();

        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("GitHub is unreachable at " + github.api()), run.err());
        assertTrue(Files.exists(profile));
    }

    @Test
    void checkingChangesNothingInTheStack() throws Exception {
        writeState("policy.yml", "level: minor\n");
        Map<String, String> before = snapshot(stack.directory());

        assertEquals(100, check().exitCode());
        assertEquals(100, check("--json").exitCode());

        assertEquals(before, snapshot(stack.directory()), "check wrote, removed or locked something in the stack");
    }

    @Test
    void notifyTellsEveryChannelWhenAnUpdateIsAvailable() throws Exception {
        try (var http = new HttpReceiver(); var smtp = SmtpReceiver.start(work)) {
            writeState("notify.yml", """
                    channels:
                      - type: ntfy
                        url: %s
                      - type: webhook
                        url: %s
                        headers: {X-Token: hook-token}
                      - type: smtp
                        host: 127.0.0.1
                        port: %d
                        starttls: false
                        from: slipway@example.com
                        to: ops@example.com
                    """.formatted(http.url("/fixture-updates"), http.url("/hooks/abc"), smtp.port()));

            CliRun run = check("--notify", "--json");

            assertEquals(100, run.exitCode(), run.toString());
            int port = http.url("/").getPort();
            assertTrue(run.err().contains("Notified ntfy (127.0.0.1:" + port + ").\n"), run.err());
            assertTrue(run.err().contains("Notified webhook (127.0.0.1:" + port + ").\n"), run.err());
            assertTrue(run.err().contains("Notified smtp (127.0.0.1:" + smtp.port() + ").\n"), run.err());
            JsonNode notifications = new ObjectMapper().readTree(run.out()).get("notifications");
            assertEquals(3, notifications.size());
            notifications.forEach(n -> assertTrue(n.get("sent").asBoolean(), n.toString()));

            assertEquals(2, http.requests().size());
            JsonNode ntfy = new ObjectMapper().readTree(http.requests().get(0).body());
            assertEquals("fixture-updates", ntfy.get("topic").asText());
            assertEquals("Fixture v2.1.0 is available (on 2.0.0)", ntfy.get("title").asText());
            JsonNode hook = new ObjectMapper().readTree(http.requests().get(1).body());
            assertEquals("/hooks/abc", http.requests().get(1).path());
            assertEquals("hook-token", http.requests().get(1).headers().get("x-token"));
            assertEquals("check", hook.get("event").asText());
            assertEquals("update-available", hook.get("outcome").asText());
            assertEquals("Fixture", hook.get("product").asText());
            assertEquals(stack.directory().toString(), hook.get("directory").asText());
            assertEquals("2.0.0", hook.get("from").asText());
            assertEquals("v2.1.0", hook.get("to").asText());
            assertFalse(hook.get("breaking").asBoolean());
            assertEquals("https://github.com/acme/app/releases/tag/v2.1.0", hook.get("notesUrl").asText());
            SmtpReceiver.Received mail = smtp.await(1).get(0);
            assertEquals(List.of("ops@example.com"), mail.to());
            assertTrue(mail.data().contains("Subject: Fixture v2.1.0 is available (on 2.0.0)\r\n"), mail.data());

            for (String sent : List.of(http.requests().get(0).body(), http.requests().get(1).body(), mail.data(), run.out(), run.err())) {
                assertFalse(sent.contains(SECRET), "a secret from .env left Slipway: " + sent);
            }
        }
    }

    @Test
    void notifySendsNothingWhenUpToDate() throws Exception {
        try (var http = new HttpReceiver()) {
            writeState("policy.yml", "level: patch\n");
            writeState("notify.yml", "channels:\n  - {type: webhook, url: '" + http.url("/hook") + "'}\n");

            CliRun run = check("--notify");

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of(), http.requests());
            assertEquals("", run.err());
        }
    }

    @Test
    void aChannelThatFailsIsToldAndTheAnswerStands() throws Exception {
        try (var http = new HttpReceiver()) {
            http.status = 401;
            writeState("notify.yml", "channels:\n  - {type: gotify, url: '" + http.url("/") + "', token: gotify-secret}\n");

            CliRun run = check("--notify");

            assertEquals(100, run.exitCode(), run.toString());
            assertTrue(run.err().contains("gotify (127.0.0.1:" + http.url("/").getPort() + ") answered HTTP 401: check its token in"
                    + " notify.yml.\n"), run.err());
            assertFalse(run.err().contains("gotify-secret"));
        }
    }

    @Test
    void notifyWithoutChannelsIsBadInput() throws IOException {
        CliRun run = check("--notify");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("--notify has nowhere to send: add channels to " + stack.directory()
                + "/.slipway/notify.yml or "), run.err());
    }

    @Test
    void aBadNotifyFileIsRefusedBeforeTheCheck() throws IOException {
        writeState("notify.yml", "channels:\n  - type: pager\n");

        CliRun run = check("--notify");

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(stack.directory() + "/.slipway/notify.yml, line 2: channels[0].type must be ntfy, gotify, webhook or smtp"
                + " (got 'pager').\n", run.err());
    }

    /** Every path under the directory with its content's hash (directories as such). */
    static Map<String, String> snapshot(Path dir) throws Exception {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    files.put(key + "/", "dir");
                } else if (Files.isRegularFile(p) && Files.isReadable(p)) {
                    files.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return files;
    }
}
