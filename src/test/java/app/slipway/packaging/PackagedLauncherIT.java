package app.slipway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launcher of the app image that {@code packaging/linux/app-image.sh} built (Maven's
 * pre-integration-test), run as a user would run the installed app: {@code status} over SSH with
 * an ed25519 key against a real fixture stack. A runtime without a module the CLI needs (SunEC for
 * ed25519, say) fails here rather than on a user's machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedLauncherIT {
    private final Testbed testbed = Testbed.require();
    private final Path appImage = Path.of(System.getProperty("slipway.appImage", "target/app-image/Slipway"));
    private FixtureStack stack;

    @BeforeAll
    void startStack() throws IOException {
        assertTrue(Files.isExecutable(launcher()), launcher() + " is missing: packaging/linux/app-image.sh did not run");
        stack = FixtureStack.start("compose.yml", testbed.currentVersion());
        // The SSH user is the unprivileged docker user, not root: it must be able to read the stack.
        Files.setPosixFilePermissions(stack.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) stack.close();
    }

    @Test
    void statusOverSshWithAnEd25519Key() throws Exception {
        assertTrue(Files.readString(Path.of(testbed.sshKey() + ".pub")).startsWith("ssh-ed25519 "),
                "the testbed's client key is not an ed25519 key");
        LauncherRun run = LauncherRun.of(launcher(), "status",
                "--host", "ssh://" + testbed.dockerUser() + "@" + testbed.sshHost() + ":" + testbed.sshPort(),
                "--identity", testbed.sshKey().toString(),
                "--known-hosts", testbed.knownHosts().toString(),
                "--dir", stack.directory().toString(),
                "--profile", testbed.fixtureProfile().toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Fixture"), run.toString());
        assertTrue(run.out().contains("Pinned     " + testbed.currentVersion()), run.toString());
        assertTrue(run.out().contains("Running    " + testbed.currentVersion()), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("web ") && l.contains("running") && l.contains("healthy")),
                run.toString());
        assertFalse(run.out().contains("0123456789abcdef0123456789abcdef"), "a secret from .env was printed");
    }

    @Test
    void theClassDataArchiveIsMadeWhereTheAppIsAndTheLauncherUsesIt() throws Exception {
        Path script = appImage.resolve("lib/class-data.sh");
        assertTrue(Files.isExecutable(script), script + " is not in the app image");
        LauncherRun made = LauncherRun.of(script);
        assertEquals(0, made.exitCode(), made.toString());
        assertTrue(Files.size(appImage.resolve("lib/app/slipway.jsa")) > 1_000_000, "no archive was made");
        String cfg = Files.readString(appImage.resolve("lib/app/Slipway.cfg"));
        assertEquals(1, cfg.lines().filter(l -> l.equals("java-options=-XX:SharedArchiveFile=$APPDIR/slipway.jsa")).count(), cfg);

        LauncherRun used = LauncherRun.of(java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xlog:cds=info"), launcher(), "--version");
        assertEquals(0, used.exitCode(), used.toString());
        assertTrue(used.out().contains("Mapped dynamic region"), "the launcher did not map the archive:\n" + used);

        assertEquals(0, LauncherRun.of(script).exitCode(), "run again (an upgrade): still one line");
        assertEquals(cfg, Files.readString(appImage.resolve("lib/app/Slipway.cfg")));
    }

    @Test
    void badInputComesBackAsExitCodeTwoWithOneSentence() throws Exception {
        LauncherRun run = LauncherRun.of(launcher(), "status", "--dir", "/nonexistent/slipway-stack",
                "--profile", testbed.fixtureProfile().toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("/nonexistent/slipway-stack does not exist"), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one sentence, no stack trace:\n" + run);
    }

    @Test
    void theRuntimeCarriesTheModulesFromAppArgs() throws Exception {
        List<String> modules = Files.readAllLines(appImage.resolve("lib/runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().map(l -> l.substring(8).replace("\"", ""))
                .map(l -> Arrays.asList(l.split(" "))).orElseThrow();
        for (String module : List.of("java.base", "java.desktop", "java.net.http", "jdk.crypto.ec", "jdk.unsupported")) {
            assertTrue(modules.contains(module), module + " is missing from the runtime: " + modules);
        }
    }

    private Path launcher() {
        return appImage.resolve("bin/Slipway");
    }
}
