package app.slipway.core.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.slipway.core.host.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeCommandsTest {
    private final ComposeCommands v2 = new ComposeCommands(new ComposeCli(ComposeFlavor.V2, "2.24.1"), "/srv/strata", "compose.yaml");
    private final ComposeCommands v1 = new ComposeCommands(new ComposeCli(ComposeFlavor.V1, "1.29.2"), "/srv/strata", "docker-compose.yml");

    @Test
    void upWithOrphansRemovedRunsInTheInstallDirectory() {
        Command up = v2.up(true);
        assertEquals(List.of("docker", "compose", "-f", "compose.yaml", "up", "-d", "--remove-orphans"), up.argv());
        assertEquals("/srv/strata", up.workDir());
    }

    @Test
    void v1UsesTheStandaloneBinary() {
        assertEquals(List.of("docker-compose", "-f", "docker-compose.yml", "rm", "-f", "-s", "worker"),
                v1.rm(List.of("worker")).argv());
        assertEquals(List.of("docker-compose", "-f", "docker-compose.yml", "stop", "worker"),
                v1.stop(List.of("worker")).argv());
    }

    @Test
    void execWithoutTtyForDumps() {
        assertEquals(List.of("docker", "compose", "-f", "compose.yaml", "exec", "-T", "db", "pg_dump", "-Fc", "strata_production"),
                v2.execT("db", List.of("pg_dump", "-Fc", "strata_production")).argv());
    }

    @Test
    void displayQuotesOnlyWhatNeedsIt() {
        Command c = Command.of("sh", "-c", "echo 'a b' $HOME");
        assertEquals("sh -c 'echo '\\''a b'\\'' $HOME'", c.display());
        assertNull(c.workDir());
    }

    @Test
    void versionPrefixIsDropped() {
        assertEquals("2.24.1", ComposeCli.cleanVersion("v2.24.1\n"));
        assertEquals("1.29.2", ComposeCli.cleanVersion("1.29.2"));
    }
}
