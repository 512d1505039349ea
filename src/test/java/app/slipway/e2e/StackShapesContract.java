package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stacks as users have them: an override file beside the compose file, and a service whose image
 * has no shell and no tar. Run locally and over SSH by the subclasses.
 */
abstract class StackShapesContract extends TargetedCli {


    @Test
    void anOverrideFileIsPartOfEveryComposeCommandAndStaysInForce() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            Files.writeString(stack.directory().resolve("docker-compose.override.yml"),
                    "# the user's own settings\nservices:\n  web:\n    environment:\n      FIXTURE_NOTE: from-the-override\n");
            stack.compose("up", "-d");

            CliRun plan = cli("plan", "--dir", stack.directory().toString(), "--profile", testbed.fixtureProfile().toString(),
                    "--to", testbed.nextVersion(), "--skip-backup", "--json");
            assertEquals(0, plan.exitCode(), plan.toString());
            JsonNode restart = new ObjectMapper().readTree(plan.out()).get("steps").get(7).get("commands").get(0).get("argv");
            assertEquals("[\"docker-compose\",\"-p\",\"" + stack.project() + "\",\"-f\",\"docker-compose.yml\",\"-f\","
                    + "\"docker-compose.override.yml\",\"up\",\"-d\",\"--remove-orphans\"]", restart.toString());

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", testbed.fixtureProfile().toString(),
                    "--to", testbed.nextVersion(), "--skip-backup", "--yes");
            assertEquals(0, run.exitCode(), run.toString());
            String env = stack.run(List.of("sh", "-c", "docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "
                    + "$(docker ps -q --filter label=com.docker.compose.project=" + stack.project()
                    + " --filter label=com.docker.compose.service=web)"));
            assertTrue(env.contains("FIXTURE_NOTE=from-the-override"), "the override still applies after the upgrade:\n" + env);
            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip());
        }
    }

    @Test
    void aPinThatNamesNoImageIsReportedAndWhatRunsIsTheCurrentVersion() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            Path env = stack.directory().resolve(".env");
            Files.writeString(env, Files.readString(env).replace("FIXTURE_VERSION=" + testbed.currentVersion(),
                    "FIXTURE_VERSION=v" + testbed.currentVersion()));

            CliRun plan = cli("plan", "--dir", stack.directory().toString(), "--profile", testbed.fixtureProfile().toString(),
                    "--to", testbed.nextVersion(), "--skip-backup");
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.out().contains("FIXTURE_VERSION=v" + testbed.currentVersion() + " in .env names no image here;"
                    + " the running version (" + testbed.currentVersion() + ") was read from the containers"), plan.out());
            assertTrue(plan.out().contains(": " + testbed.currentVersion() + " → " + testbed.nextVersion()), plan.out());
        }
    }

    @Test
    void aVolumeOfAnImageWithoutShellOrTarIsBackedUpAndRestoredThroughTheEngine() throws Exception {
        String profile = testbed.fixtureDir().resolve("shapes/profile.yml").toString();
        try (FixtureStack stack = FixtureStack.start("shapes/compose-with-files.yml", testbed.currentVersion())) {
            String files = stack.compose("ps", "-q", "files").strip();
            Path note = stack.directory().resolve("note.txt");
            Files.writeString(note, "kept by the backup\n");
            stack.run(List.of("docker", "cp", note.toString(), files + ":/srv/files/note.txt"));

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--yes", "--json");
            assertEquals(0, run.exitCode(), run.toString());
            String backup = new ObjectMapper().readTree(run.out()).get("backup").asText();
            Path archive = stack.directory().resolve("backups").resolve(backup).resolve("volume-files-srv-files.tar");
            assertTrue(stack.run(List.of("tar", "-tf", archive.toString())).contains("./note.txt"));

            Files.writeString(note, "changed after the backup\n");
            stack.run(List.of("docker", "cp", note.toString(), files + ":/srv/files/note.txt"));
            CliRun back = cli("rollback", "--dir", stack.directory().toString(), "--profile", profile,
                    "--backup", backup, "--restore-database", "--yes");
            assertEquals(0, back.exitCode(), back.toString());
            String now = stack.compose("ps", "-q", "files").strip();
            String restored = stack.run(List.of("sh", "-c", "docker cp " + now + ":/srv/files/note.txt - | tar -xOf -"));
            assertEquals("kept by the backup\n", restored);
        }
    }
}
