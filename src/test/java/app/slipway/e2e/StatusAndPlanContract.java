package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code status} and {@code plan} against a real worker-era fixture stack; run once locally and
 * once over SSH by the subclasses, which give the target arguments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatusAndPlanContract {
    protected final Testbed testbed = Testbed.require();
    private FixtureStack stack;
    private String profile;

    /** --host and friends for this target. */
    protected abstract List<String> targetArgs();

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start("compose-legacy.yml", testbed.legacyVersion());
        profile = testbed.fixtureDir().resolve("profile.yml").toString();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) stack.close();
    }

    protected CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(targetArgs());
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void statusShowsProductVersionsAndEveryService() {
        CliRun run = cli("status", "--dir", stack.directory().toString(), "--profile", profile);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Fixture"), run.toString());
        assertTrue(run.out().contains("Pinned     " + testbed.legacyVersion()), run.toString());
        assertTrue(run.out().contains("Running    " + testbed.legacyVersion()), run.toString());
        for (String service : List.of("db", "web", "worker")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(service + " ") && l.contains("running")),
                    service + " row missing:\n" + run);
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("web ") && l.contains("healthy")), run.toString());
        assertFalse(run.out().contains("0123456789abcdef0123456789abcdef"), "a secret from .env was printed");
    }

    @Test
    void statusAsJson() throws Exception {
        CliRun run = cli("status", "--dir", stack.directory().toString(), "--json", "--profile", profile);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("Fixture", json.get("product").asText());
        assertEquals(testbed.legacyVersion(), json.get("pinned").asText());
        assertEquals(testbed.legacyVersion(), json.get("running").asText());
        List<String> names = new ArrayList<>();
        json.get("services").forEach(s -> names.add(s.get("name").asText()));
        assertEquals(List.of("db", "web", "worker"), names);
        JsonNode web = json.get("services").get(1);
        assertEquals("running", web.get("state").asText());
        assertEquals("healthy", web.get("health").asText());
        assertEquals(testbed.fixtureImage() + ":" + testbed.legacyVersion(), web.get("image").asText());
    }

    @Test
    void planListsEveryStepIncludingTheRenameAndChangesNothing() throws Exception {
        byte[] composeBefore = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));
        byte[] envBefore = Files.readAllBytes(stack.directory().resolve(".env"));
        List<Path> filesBefore = listing(stack.directory());
        String psBefore = stack.compose("ps", "-q");

        CliRun run = cli("plan", "--dir", stack.directory().toString(), "--profile", profile,
                "--to", testbed.currentVersion(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals(testbed.legacyVersion(), plan.get("from").asText());
        assertEquals(testbed.currentVersion(), plan.get("to").asText());
        List<String> kinds = new ArrayList<>();
        plan.get("steps").forEach(s -> kinds.add(s.get("kind").asText()));
        assertEquals(List.of("connect", "read", "preflight", "backup", "retention", "rename", "pin", "restart", "verify",
                "record"), kinds);
        JsonNode rename = plan.get("steps").get(5);
        assertFalse(rename.get("skipped").asBoolean());
        assertTrue(rename.get("details").toString().contains("'worker' to 'job'"), rename.toString());
        // the legacy consumer is stopped and removed through the engine: no Compose start, no host command
        assertEquals(0, rename.get("commands").size(), rename.toString());
        assertTrue(rename.get("details").toString().contains("'docker stop -t 10' then 'docker rm'"), rename.toString());
        // every Compose command names the stack's own project: the one its containers carry
        assertTrue(plan.get("steps").get(6).get("details").toString()
                .contains("FIXTURE_VERSION=" + testbed.currentVersion()), plan.get("steps").get(6).toString());
        assertEquals(List.of("docker-compose", "-p", stack.project(), "-f", "docker-compose.yml", "up", "-d", "--remove-orphans"),
                argv(plan.get("steps").get(7).get("commands").get(0)));
        assertTrue(plan.get("steps").get(3).get("details").toString().contains("pg_dump"));

        assertEquals(new String(composeBefore), Files.readString(stack.directory().resolve("docker-compose.yml")));
        assertEquals(new String(envBefore), Files.readString(stack.directory().resolve(".env")));
        assertEquals(filesBefore, listing(stack.directory()), "plan created or removed files");
        assertEquals(psBefore, stack.compose("ps", "-q"), "plan changed the containers");
    }

    @Test
    void planSaysWhenTheBackupIsSkipped() {
        CliRun run = cli("plan", "--dir", stack.directory().toString(), "--profile", profile,
                "--to", testbed.currentVersion(), "--skip-backup");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("4. Back up (skipped)"), run.toString());
        assertTrue(run.out().contains("5. Remove old backups (skipped)"), run.toString());
        assertTrue(run.out().contains("$ docker-compose -p " + stack.project() + " -f docker-compose.yml up -d --remove-orphans"), run.toString());
    }

    @Test
    void badVersionIsRefusedAsBadInput() {
        CliRun run = cli("plan", "--dir", stack.directory().toString(), "--profile", profile, "--to", "2.0; rm -rf /");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("may only contain"), run.toString());
    }

    @Test
    void missingDirectoryIsBadInput() {
        CliRun run = cli("status", "--dir", "/nonexistent/slipway-stack", "--profile", profile);
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("/nonexistent/slipway-stack does not exist"), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one sentence, no stack trace:\n" + run);
    }

    @Test
    void aProductNoProfileKnowsAsksForOne() {
        CliRun run = cli("status", "--dir", stack.directory().toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("pass --profile"), run.toString());
    }

    @Test
    void unknownProfileIsBadInput() {
        CliRun run = cli("status", "--dir", stack.directory().toString(), "--profile", "nosuchproduct");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nosuchproduct"), run.toString());
    }

    private static List<String> argv(JsonNode command) {
        List<String> argv = new ArrayList<>();
        command.get("argv").forEach(a -> argv.add(a.asText()));
        return argv;
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }
}
