package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wizard last saw of each stack, for the recent-targets list. */
class StackStatesTest {
    @TempDir Path dir;

    @Test
    void theNewestStateOfATargetIsItsLastSeenAndOneDirectoryKeepsOneLine() {
        var states = new StackStates(dir.resolve("stack-states.json"));
        states.remember(new StackStates.Seen("ssh://deploy@app.example:22", "/srv/a", "Fixture 2.0.0 in /srv/a · up to date",
                Instant.parse("2026-11-29T10:00:00Z")));
        states.remember(new StackStates.Seen("ssh://deploy@app.example:22", "/srv/b", "Fixture 1.0.0 in /srv/b",
                Instant.parse("2026-11-30T10:00:00Z")));
        states.remember(new StackStates.Seen("ssh://deploy@app.example:22", "/srv/a",
                "Fixture 2.0.0 in /srv/a · update v2.1.0 available", Instant.parse("2026-11-30T11:00:00Z")));

        assertEquals(2, states.load().size(), "one line per target and directory");
        assertEquals("Fixture 2.0.0 in /srv/a · update v2.1.0 available",
                states.latest("ssh://deploy@app.example:22").orElseThrow().text());
        assertTrue(states.latest("local").isEmpty());
        var remote = new RecentTarget(ConnectMode.SSH, "deploy", "app.example", 22, AuthKind.AGENT, null, null);
        assertEquals("ssh://deploy@app.example:22", StackStates.keyOf(remote));
        assertEquals("local", StackStates.keyOf(RecentTarget.local()));
    }

    @Test
    void aDamagedFileIsForgottenNotFatal() throws Exception {
        Path file = Files.writeString(dir.resolve("stack-states.json"), "{not json");
        var states = new StackStates(file);
        assertTrue(states.load().isEmpty());
        states.remember(new StackStates.Seen("local", "/srv/x", "X 1.0.0 in /srv/x", Instant.now()));
        assertEquals(1, states.load().size());
    }
}
