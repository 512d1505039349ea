package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.PullListener;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.registry.RegistryLogins;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testbed's second registry, behind a login (htpasswd), with the same images as the open one:
 * pulls and tag look-ups on this computer use what {@code docker login} saved — in a Docker config
 * of the test's own ({@code DOCKER_CONFIG}), never root's — and say in one sentence how to log in
 * without it.
 */
class RegistryLoginLocalTest {
    private final Testbed testbed = Testbed.require();
    @TempDir Path work;

    private String registry() {
        return testbed.authRegistry();
    }

    private String image() {
        return registry() + "/slipway-fixture/app";
    }

    private Path emptyConfig() throws IOException {
        return Files.createDirectories(work.resolve("no-login"));
    }

    /** {@code docker login} as a user types it, into a Docker config directory of this test's own. */
    private Path loggedIn() throws Exception {
        Path config = Files.createDirectories(work.resolve("docker-config"));
        var login = new ProcessBuilder("docker", "--config", config.toString(), "login", "-u", testbed.authRegistryUser(),
                "--password-stdin", registry()).redirectErrorStream(true);
        login.environment().put("DOCKER_HOST", testbed.dockerHost());
        Process process = login.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(testbed.authRegistryPassword().getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker login did not end");
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.readString(config.resolve("config.json")).contains(registry()), "the login is in the file, not a helper");
        return config;
    }

    private Engine engine(Path dockerConfig) {
        LocalTarget local = new LocalTarget(Map.of("DOCKER_HOST", testbed.dockerHost()));
        return Engine.connect(local.engineSocket(), local.describe(), RegistryLogins.of(local, dockerConfig.toString()));
    }

    private Map<String, String> environment(Path dockerConfig) {
        return Map.of("DOCKER_CONFIG", dockerConfig.toString(), "DOCKER_HOST", testbed.dockerHost());
    }

    /** The fixture profile with its images on the registry behind the login, and no release feed: versions are its tags. */
    private Path profile() throws IOException {
        Path dir = Files.createDirectories(work.resolve("profile"));
        String compose = Files.readString(testbed.fixtureDir().resolve("compose.yml"))
                .replace(testbed.fixtureImage(), image());
        assertTrue(compose.contains(image()), "the fixture's compose file names " + testbed.fixtureImage());
        Files.writeString(dir.resolve("compose.yml"), compose);
        Files.writeString(dir.resolve("profile.yml"), String.join("\n",
                "name: Fixture behind a login",
                "version_variable: FIXTURE_VERSION",
                "images:",
                "  - " + image(),
                "health:",
                "  url: http://127.0.0.1:${FIXTURE_PORT:-18080}/up",
                "  timeout: 60s",
                "install:",
                "  compose: compose.yml",
                "  env: {FIXTURE_PORT: \"18080\", POSTGRES_DB: fixture}",
                "  secrets: {FIXTURE_SECRET_KEY: hex32}",
                ""));
        return dir.resolve("profile.yml");
    }

    @Test
    void aPullWorksWithTheLoginDockerSavedAndIsOneSentenceWithoutIt() throws Exception {
        String version = testbed.currentVersion();
        try (Engine engine = engine(emptyConfig())) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(image(), version, PullListener.IGNORE));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("The registry " + registry() + " refused to let this computer pull " + image() + ":" + version
                    + " without a login: run `docker login " + registry() + "` on this computer (as the user Slipway runs as)"
                    + " and try again.", e.getMessage());
        }
        try (Engine engine = engine(loggedIn())) {
            engine.pull(image(), version, PullListener.IGNORE);
            assertTrue(engine.imageExistsLocally(image() + ":" + version));
        } finally {
            new ProcessBuilder("docker", "rmi", image() + ":" + version).start().waitFor(30, TimeUnit.SECONDS); // the tag only
        }
    }

    @Test
    void versionsReadsTheTagsWithTheLoginOfDockerConfigAndSaysHowToLogInWithoutIt() throws Exception {
        List<String> versions = List.of("versions", "--profile", profile().toString(), "--cache-dir", work.resolve("cache").toString());

        CliRun without = SlipwayProcess.run(environment(emptyConfig()), versions);
        assertEquals(ExitCode.REFUSED.code, without.exitCode(), without.toString());
        assertTrue(without.err().contains("The registry " + registry() + " refused to list the tags of slipway-fixture/app"
                + " without a login: run `docker login " + registry() + "` on this computer (as the user Slipway runs as)"
                + " and try again."), without.toString());

        CliRun with = SlipwayProcess.run(environment(loggedIn()), versions);
        assertEquals(0, with.exitCode(), with.toString());
        for (String version : testbed.fixtureVersions()) {
            assertTrue(with.out().contains(version), version + " in " + with);
        }
        assertFalse((with.out() + with.err() + without.out() + without.err()).contains(testbed.authRegistryPassword()));
    }

    @Test
    void aCredentialHelperIsAskedWithTheRegistryOnItsInput() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path helper = bin.resolve("docker-credential-slipway-test");
        // Answers only `get` for the auth registry, read from standard input as Docker sends it (no newline).
        Files.writeString(helper, String.join("\n",
                "#!/bin/sh",
                "registry=$(cat)",
                "if [ \"$1\" != get ] || [ \"$registry\" != '" + registry() + "' ]; then",
                "  echo 'credentials not found in native keychain'; exit 1",
                "fi",
                "printf '{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}\\n' \"$registry\" '"
                        + testbed.authRegistryUser() + "' '" + testbed.authRegistryPassword() + "'",
                ""));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.createDirectories(work.resolve("helper-config"));
        Files.writeString(config.resolve("config.json"), "{\"credsStore\":\"slipway-test\"}");

        CliRun run = SlipwayProcess.run(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_HOST", testbed.dockerHost(),
                        "PATH", bin + ":" + System.getenv("PATH")),
                List.of("versions", "--profile", profile().toString(), "--cache-dir", work.resolve("cache").toString()));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(testbed.currentVersion()), run.toString());
    }

    @Test
    void installWithoutTheLoginStopsAtThePullBeforeWritingAnything() throws Exception {
        Path dir = work.resolve("app");
        CliRun run = SlipwayProcess.run(environment(emptyConfig()), List.of("install", "--host", "local",
                "--dir", dir.toString(), "--profile", profile().toString(), "--to", testbed.currentVersion(),
                "--set", "FIXTURE_PORT=" + freePort(), "--yes"));
        assertEquals(ExitCode.REFUSED.code, run.exitCode(), run.toString());
        assertTrue((run.out() + run.err()).contains("The registry " + registry() + " refused to let this computer pull "
                + image() + ":" + testbed.currentVersion() + " without a login: run `docker login " + registry()
                + "` on this computer (as the user Slipway runs as) and try again."), run.toString());
        assertFalse(Files.exists(dir.resolve(".env")), "nothing is written before the images are pulled");
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
