package app.slipway.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.events.RunEvent;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.LocalTarget;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A healthy fixture stack on the current version verifies, locally and through one SSH session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackVerifierHealthyTest {
    private final Testbed tb = Testbed.require();
    private FixtureStack stack;

    @BeforeAll
    void start() {
        stack = FixtureStack.start("compose.yml", tb.currentVersion());
    }

    @AfterAll
    void stop() {
        if (stack != null) stack.close();
    }

    private VerifyResult verify(Connection c, List<RunEvent> events) {
        StackState state = StackInspector.inspect(c, stack.directory().toString(),
                Optional.of(tb.fixtureProfile().toString()));
        return new StackVerifier().verify(c, state, events::add);
    }

    @Test
    void verifiesLocally() {
        var events = new ArrayList<RunEvent>();
        try (Connection c = Connection.open(new LocalTarget())) {
            VerifyResult r = verify(c, events);
            assertTrue(r.healthy(), r.summary() + " " + r.problems());
            assertTrue(r.problems().isEmpty() && r.logs().isEmpty(), r.toString());
            assertTrue(r.took().toSeconds() < 10, r.took().toString());
        }
        assertTrue(events.get(0) instanceof RunEvent.Notice n && n.message().contains(":" + stack.port() + "/up"),
                events.toString());
    }

    @Test
    void verifiesOverSshWithTheProbeGoingThroughTheSession() {
        var opened = new AtomicInteger();
        try (Connection c = Connection.open(VerifyTestbed.countingOpenTcp(VerifyTestbed.ssh(tb), opened))) {
            assertTrue(c.target().isRemote());
            VerifyResult r = verify(c, new ArrayList<>());
            assertTrue(r.healthy(), r.summary() + " " + r.problems());
        }
        assertTrue(opened.get() >= 1, "the health URL was not probed through the SSH target");
    }

    @Test
    void aStoppedJobFailsNamingIt() {
        // last in effect: it changes the shared stack, so it restarts job when done
        stack.compose("stop", "job");
        try (Connection c = Connection.open(new LocalTarget())) {
            VerifyResult r = verify(c, new ArrayList<>());
            assertEquals(false, r.healthy());
            // code 0 when job handles the TERM of `stop`, 137 if a loaded machine made stop fall back to KILL
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertEquals("job", r.problems().get(0).service());
            assertTrue(r.problems().get(0).problem().startsWith("job is not running (it exited with code "),
                    r.problems().toString());
            assertTrue(r.logs().get("job").stream().anyMatch(l -> l.contains("job " + tb.currentVersion() + " started")),
                    r.logs().toString());
            assertTrue(r.took().toSeconds() < 5, "did not fail fast: " + r.took());
            assertTrue(r.summary().contains("job is not running"), r.summary());
        } finally {
            stack.compose("start", "job");
        }
    }
}
