package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upgrades of a product whose compose file belongs to each release (as Appstrate's does), on a
 * stack started under a project name of its own ({@code -p}, as Appstrate's CLI does): the stack
 * gets the target release's template and the keys it needs, under its own project, never a second.
 * Run locally and over SSH by the subclasses.
 */
abstract class TemplateUpgradeContract extends TargetedCli {
    private static final String PROJECT = "acme-prod";
    private final Path templated = testbed.fixtureDir().resolve("templated");
    private final String profile = templated.resolve("profile.yml").toString();


    private FixtureStack start() {
        return FixtureStack.start("templated/templates/2.0.0/docker-compose.yml", testbed.currentVersion(), PROJECT);
    }

    @Test
    void theUpgradeWritesTheReleasesTemplateAddsItsKeysAndStaysInItsOwnProject() throws Exception {
        try (FixtureStack stack = start()) {
            Path env = stack.directory().resolve(".env");
            String envBefore = Files.readString(env);

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", "v" + testbed.nextVersion(), "--set", "FIXTURE_LICENSE=lic-4242", "--skip-backup", "--yes");

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(Files.readString(templated.resolve("templates/2.1.0/docker-compose.yml")),
                    Files.readString(stack.directory().resolve("docker-compose.yml")), "the 2.1.0 template, byte for byte");
            String envAfter = Files.readString(env);
            assertTrue(envAfter.startsWith(envBefore.replace("FIXTURE_VERSION=" + testbed.currentVersion(),
                    "FIXTURE_VERSION=" + testbed.nextVersion())), "every value kept, the registry's spelling pinned:\n" + envAfter);
            assertTrue(envAfter.contains("\nFIXTURE_LICENSE=lic-4242\n"), envAfter);
            String session = envAfter.lines().filter(l -> l.startsWith("FIXTURE_SESSION_SECRET=")).findFirst()
                    .orElseThrow().substring("FIXTURE_SESSION_SECRET=".length());
            assertEquals(64, session.length(), "generated, hex32");
            assertFalse(run.out().contains(session) || run.out().contains("lic-4242"), "no secret in the output:\n" + run);

            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip());
            String projects = stack.run(List.of("docker", "ps", "-a", "--filter", "label=com.docker.compose.project.working_dir="
                    + stack.directory(), "--format", "{{.Label \"com.docker.compose.project\"}} {{.Image}} {{.Names}}"));
            for (String line : projects.strip().split("\n")) {
                assertTrue(line.startsWith(PROJECT + " "), "every container in the stack's own project: " + projects);
            }
            assertTrue(projects.contains("slipway-fixture/app:" + testbed.nextVersion() + " " + PROJECT + "_runner-pull"),
                    "the pull-only service ran on the new image: " + projects);
        }
    }

    @Test
    void aKeyTheNewReleaseRequiresIsAskedForByNameAndNothingChanges() throws Exception {
        try (FixtureStack stack = start()) {
            byte[] compose = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));
            byte[] env = Files.readAllBytes(stack.directory().resolve(".env"));

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--skip-backup", "--yes");

            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("The compose file of Fixture " + testbed.nextVersion() + " requires FIXTURE_LICENSE,"
                    + " which .env does not set: give it with --set FIXTURE_LICENSE=VALUE; nothing was changed."), run.toString());
            assertEquals(new String(compose), Files.readString(stack.directory().resolve("docker-compose.yml")));
            assertEquals(new String(env), Files.readString(stack.directory().resolve(".env")));
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip());
        }
    }

    @Test
    void thePlanShowsTheDifferenceOfTheTwoTemplates() {
        try (FixtureStack stack = start()) {
            CliRun run = cli("plan", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--set", "FIXTURE_LICENSE=x");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Update the compose file"), run.out());
            assertTrue(run.out().contains("+  runner-pull:"), run.out());
            assertTrue(run.out().contains("-p " + PROJECT + " -f docker-compose.yml up -d --remove-orphans"), run.out());
            assertTrue(run.out().contains("Pull 127.0.0.1:5555/slipway-fixture/app:" + testbed.nextVersion()), run.out());
        }
    }
}
