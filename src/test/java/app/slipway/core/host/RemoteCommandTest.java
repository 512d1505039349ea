package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {
    @Test
    void quotesEveryPart() {
        assertEquals("exec docker compose ps", RemoteCommand.of(Command.of("docker", "compose", "ps")));
        assertEquals("cd '/srv/my app' && exec env A=1 'B=x y' docker 'it'\\''s'",
                RemoteCommand.of(Command.in("/srv/my app", List.of("docker", "it's")).withEnv(Map.of("B", "x y", "A", "1"))));
    }

    @Test
    void rejectsBadEnvNames() {
        assertThrows(IllegalArgumentException.class,
                () -> RemoteCommand.of(Command.of("x").withEnv(Map.of("A B; rm", "1"))));
    }
}
