package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.notify.HttpReceiver;
import app.slipway.core.releases.FakeGitHub;
import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway auto} on a real fixture stack at 2.0.0 (releases on a fake GitHub: 2.1.0 is a
 * minor step, 3.x a major one): left to a person and said once, upgraded with a backup when the
 * policy is unattended, and {@code --schedule} writing its job on this machine.
 */
class AutoLocalTest {
    private final Testbed testbed = Testbed.require();
    @TempDir Path work;
    private FakeGitHub github;
    private HttpReceiver hooks;

    @BeforeEach
    void start() throws IOException {
        github = new FakeGitHub()
                .release("v3.0.0", "Three", "- feat!: the web service is now two", false, false, "2026-11-01T10:00:00Z")
                .release("v2.1.0", "Two one", "- feat: faster", false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", "- the worker is now job", false, false, "2026-09-01T10:00:00Z");
        hooks = new HttpReceiver();
    }

    @AfterEach
    void stop() {
        github.close();
        hooks.close();
    }

    /** The testbed's fixture profile with its releases on the fake GitHub. */
    private Path profile() throws IOException {
        String text = Files.readString(testbed.fixtureProfile())
                .replace("github: slipway-fixture/app", "github: acme/app")
                .replace("api: http://127.0.0.1:1", "api: " + github.api())
                .replace("compose: compose.yml", "compose: " + testbed.fixtureDir().resolve("compose.yml"));
        Path file = work.resolve("profile.yml");
        Files.writeString(file, text);
        return file;
    }

    private CliRun auto(FixtureStack stack, String... extra) throws IOException {
        var args = new ArrayList<>(List.of("auto", "--dir", stack.directory().toString(), "--profile", profile().toString(),
                "--cache-dir", work.resolve("cache").toString(), "--host", "local"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void state(FixtureStack stack, String name, String text) throws IOException {
        Files.createDirectories(stack.directory().resolve(".slipway"));
        Files.writeString(stack.directory().resolve(".slipway").resolve(name), text);
    }

    private void notifyHere(FixtureStack stack) throws IOException {
        state(stack, "notify.yml", "channels:\n  - {type: webhook, url: '" + hooks.url("/hook") + "'}\n");
    }

    @Test
    void anAttendedUpdateIsLeftToAPersonAndToldOnce() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            notifyHere(stack);

            CliRun first = auto(stack);
            CliRun second = auto(stack);

            assertEquals(100, first.exitCode(), first.toString());
            assertEquals("Fixture v2.1.0 is available, but the policy leaves updates to a person (unattended: false): upgrade by"
                    + " hand, or set unattended: true in policy.yml.\n", first.out());
            assertEquals(100, second.exitCode(), second.toString());
            assertEquals(1, hooks.requests().size(), "told once, not at every run");
            JsonNode told = new ObjectMapper().readTree(hooks.requests().get(0).body());
            assertEquals("update-available", told.get("outcome").asText());
            assertEquals("v2.1.0", told.get("to").asText());
            assertTrue(Files.readString(stack.directory().resolve(".env")).contains("FIXTURE_VERSION=2.0.0\n"), "nothing changed");
            assertFalse(Files.exists(stack.directory().resolve("backups")), "no backup without an upgrade");

            CliRun json = auto(stack, "--json");
            assertEquals(100, json.exitCode(), json.toString());
            JsonNode said = new ObjectMapper().readTree(json.out());
            assertEquals(first.out().strip(), said.get("decision").asText());
            assertTrue(said.get("needsPerson").asBoolean());
            assertTrue(said.get("upgradeTo").isNull());
            assertTrue(said.get("upgrade").isNull());
            assertEquals("v2.1.0", said.get("check").get("newestAllowed").asText());
            assertEquals(0, said.get("check").get("notifications").size(), "told once already");
        }
    }

    @Test
    void theJsonOfAnUnattendedRunHoldsTheDecisionTheCheckAndTheUpgrade() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            state(stack, "policy.yml", "unattended: true\n");
            notifyHere(stack);

            CliRun run = auto(stack, "--json");

            assertEquals(0, run.exitCode(), run.toString());
            JsonNode said = new ObjectMapper().readTree(run.out());
            assertEquals("upgrade", said.get("kind").asText());
            assertEquals("done", said.get("result").asText());
            assertEquals("2.1.0", said.get("to").asText());
            assertEquals("v2.1.0", said.get("upgradeTo").asText());
            assertEquals("Upgrading Fixture from 2.0.0 to v2.1.0, as the policy allows.", said.get("decision").asText());
            assertEquals(1, said.get("check").get("notifications").size(), "the outcome was told");
            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip());
        }
    }

    @Test
    void anUnattendedPolicyUpgradesWithABackupAndTellsTheOutcome() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            state(stack, "policy.yml", "unattended: true\n");
            notifyHere(stack);

            CliRun run = auto(stack);

            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().startsWith("Upgrading Fixture from 2.0.0 to v2.1.0, as the policy allows.\n"), run.out());
            assertTrue(Files.readString(stack.directory().resolve(".env")).contains("FIXTURE_VERSION=2.1.0\n"));
            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip(), "the new version serves");
            JsonNode told = new ObjectMapper().readTree(hooks.requests().get(0).body());
            assertEquals("upgrade", told.get("event").asText());
            assertEquals("done", told.get("outcome").asText());
            assertEquals("2.0.0", told.get("from").asText());
            assertEquals("2.1.0", told.get("to").asText());
            String backup = told.get("backup").asText();
            assertTrue(Files.isRegularFile(stack.directory().resolve("backups").resolve(backup).resolve("manifest.json")), backup);
            assertEquals("https://github.com/acme/app/releases/tag/v2.1.0", told.get("notesUrl").asText());

            CliRun again = auto(stack);
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals("Up to date: no newer release the policy allows.\n", again.out(), "3.0.0 is a major step");
            assertEquals(1, hooks.requests().size(), "nothing to tell when up to date");
        }
    }

    @Test
    void neverAcrossABreakingChange() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.nextVersion())) {
            state(stack, "policy.yml", "unattended: true\nlevel: major\n");

            CliRun run = auto(stack);

            assertEquals(100, run.exitCode(), run.toString());
            assertEquals("Fixture v3.0.0 is available, but breaking changes lie between 2.1.0 and it: read the notes and upgrade by"
                    + " hand.\n", run.out());
            assertTrue(Files.readString(stack.directory().resolve(".env")).contains("FIXTURE_VERSION=2.1.0\n"));
        }
    }

    @Test
    void scheduleWritesTheJobOnTheTargetAndPrintsIt() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "slipway-auto-schedule-");
        String name = "slipway-auto-" + dir.toString().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        try {
            CliRun run = CliRun.of("auto", "--schedule", "daily", "--dir", dir.toString(), "--profile", "strata",
                    "--slipway", "/usr/local/bin/slipway");

            assertEquals(0, run.exitCode(), run.toString());
            String out = run.out();
            if (out.contains("(systemd timer)")) {
                assertTrue(Files.readString(Path.of("/etc/systemd/system/" + name + ".service"))
                        .contains("ExecStart=/usr/local/bin/slipway auto --dir " + dir + " --profile strata\n"));
                assertTrue(out.contains("Ran: systemctl enable --now " + name + ".timer"), out);
            } else {
                assertTrue(out.startsWith("Scheduled slipway auto daily on local (cron).\n"), out);
                Path cron = Path.of("/etc/cron.d/" + name);
                String line = Files.readString(cron).lines().reduce((a, b) -> b).orElseThrow();
                assertTrue(line.matches("\\d+ [345] \\* \\* \\* root /usr/local/bin/slipway auto --dir " + dir + " --profile strata"),
                        line);
                assertTrue(out.contains("Wrote " + cron + ":\n  # Written by slipway auto --schedule"), out);
                assertTrue(out.contains("  " + line + "\n"), out);
            }
            assertTrue(out.contains("The policy leaves updates to a person (unattended: false in " + dir + "/.slipway/policy.yml)"),
                    out);

            CliRun weekly = CliRun.of("auto", "--schedule", "weekly", "--dir", dir.toString());
            assertEquals(2, weekly.exitCode(), weekly.toString());
            assertEquals("--schedule weekly is not known: use daily or hourly.\n", weekly.err());
            CliRun both = CliRun.of("auto", "--schedule", "daily", "--json", "--dir", dir.toString());
            assertEquals(2, both.exitCode(), both.toString());
            assertTrue(both.out().contains("--json is for a check and its upgrade, not for --schedule"), both.toString());
        } finally {
            unschedule(name);
            Files.deleteIfExists(dir);
        }
    }

    /** Leaves the machine as it was: the job removed, whichever kind was written. */
    private static void unschedule(String name) throws Exception {
        Files.deleteIfExists(Path.of("/etc/cron.d/" + name));
        Path service = Path.of("/etc/systemd/system/" + name + ".service");
        if (Files.exists(service)) {
            new ProcessBuilder("systemctl", "disable", "--now", name + ".timer").inheritIO().start().waitFor();
            Files.deleteIfExists(service);
            Files.deleteIfExists(Path.of("/etc/systemd/system/" + name + ".timer"));
            new ProcessBuilder("systemctl", "daemon-reload").inheritIO().start().waitFor();
        }
    }
}
