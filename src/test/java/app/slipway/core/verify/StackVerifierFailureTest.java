package app.slipway.core.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.LocalTarget;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real stacks changed the way a bad upgrade changes them; verification names what broke. */
class StackVerifierFailureTest {
    private final Testbed tb = Testbed.require();

    private static VerifyResult verify(FixtureStack stack, Path profile) {
        try (Connection c = Connection.open(new LocalTarget())) {
            // inspected after the change: the model is the compose file in force now
            StackState state = StackInspector.inspect(c, stack.directory().toString(), Optional.of(profile.toString()));
            return new StackVerifier().verify(c, state, e -> {});
        }
    }

    private static String text(VerifyResult r) {
        return r.summary() + "\nproblems " + r.problems() + "\nlogs " + r.logs();
    }

    @Test
    void theUnhealthyVersionFailsNamingWebAndThe404WithWebsLogs() {
        try (FixtureStack stack = FixtureStack.start("compose.yml", tb.currentVersion())) {
            Path profile = VerifyTestbed.profileWithTimeout(tb, stack, "15s");
            VerifyTestbed.replaceInFile(stack.directory().resolve(".env"), "^FIXTURE_VERSION=.*$",
                    "FIXTURE_VERSION=" + tb.unhealthyVersion());
            stack.compose("up", "-d", "--remove-orphans");

            VerifyResult r = verify(stack, profile);
            assertFalse(r.healthy(), text(r));
            assertTrue(r.problems().contains(new ServiceProblem("web", "web is unhealthy")), text(r));
            assertTrue(r.problems().stream().anyMatch(p -> p.isHealthUrl() && p.problem().contains("/up answered 404")),
                    text(r));
            List<String> webLogs = r.logs().get("web");
            assertTrue(webLogs != null && webLogs.stream().anyMatch(l -> l.contains("never becomes healthy")), text(r));
            assertTrue(r.took().toSeconds() <= 20, "over the 15 s budget: " + r.took());
            assertTrue(r.summary().contains("web is unhealthy") && r.summary().contains("404"), r.summary());
        }
    }

    @Test
    void aOneShotExitingOneFailsNamingIt() {
        try (FixtureStack stack = FixtureStack.start("compose.yml", tb.currentVersion())) {
            VerifyTestbed.replaceInFile(stack.directory().resolve("docker-compose.yml"),
                    "command: \\[\"/bin/migrate\"\\]",
                    "command: [\"/bin/sh\", \"-c\", \"echo 'migration 42 failed: relation missing'; exit 1\"]");
            // Compose itself stops here (web waits for migrate to complete); web keeps serving the old version
            String up = VerifyTestbed.composeMayFail(stack, "up", "-d");

            VerifyResult r = verify(stack, tb.fixtureProfile());
            assertFalse(r.healthy(), up + "\n" + text(r));
            assertTrue(r.problems().contains(new ServiceProblem("migrate", "migrate exited with code 1")), text(r));
            assertTrue(r.logs().get("migrate").stream().anyMatch(l -> l.contains("migration 42 failed")), text(r));
            assertTrue(r.took().toSeconds() < 10, "did not fail fast: " + r.took());
        }
    }

    @Test
    void aOneShotNobodyWaitsForIsCheckedToo() {
        // web and its URL are fine; only the extra one-shot failed: web alone is not the stack
        try (FixtureStack stack = FixtureStack.start("compose.yml", tb.currentVersion())) {
            VerifyTestbed.replaceInFile(stack.directory().resolve("docker-compose.yml"), "^volumes:$", """
                      seed:
                        image: 127.0.0.1:5555/slipway-fixture/app:${FIXTURE_VERSION:-2.0.0}
                        command: ["/bin/sh", "-c", "echo seeding failed; exit 3"]
                        network_mode: host
                        restart: "no"

                    volumes:""");
            String up = VerifyTestbed.composeMayFail(stack, "up", "-d");

            VerifyResult r = verify(stack, tb.fixtureProfile());
            assertFalse(r.healthy(), up + "\n" + text(r));
            assertTrue(r.problems().equals(List.of(new ServiceProblem("seed", "seed exited with code 3"))), text(r));
            assertTrue(new ArrayList<>(r.logs().get("seed")).contains("seeding failed"), text(r));
        }
    }
}
