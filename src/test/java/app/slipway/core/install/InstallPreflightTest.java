package app.slipway.core.install;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeCli;
import app.slipway.core.compose.ComposeFlavor;
import app.slipway.core.host.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallPreflightTest {
    @Test
    void composeV2From220AndV1From129AreAccepted() {
        assertDoesNotThrow(() -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V2, "2.20.0"), "local"));
        assertDoesNotThrow(() -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V2, "2.24.1"), "local"));
        assertDoesNotThrow(() -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V2, "3.0.0"), "local"));
        assertDoesNotThrow(() -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V1, "1.29.2"), "local"));
    }

    @Test
    void olderComposeIsRefusedNamingTheVersion() {
        var e = assertThrows(SlipwayException.class,
                () -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V2, "2.17.3"), "local"));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("docker compose 2.17.3"), e.getMessage());
        e = assertThrows(SlipwayException.class,
                () -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V1, "1.25.0"), "local"));
        assertTrue(e.getMessage().contains("docker-compose 1.25.0"), e.getMessage());
        assertThrows(SlipwayException.class,
                () -> InstallPreflight.requireCompose(new ComposeCli(ComposeFlavor.V1, "unknown"), "local"));
    }

    @Test
    void dfAvailableColumnIsReadEvenWithSpacesInTheMountPoint() {
        String df = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n"
                + "/dev/vda         264212084 25060936  81329976      24% /mnt/my disk\n";
        assertEquals(Optional.of(81329976L), InstallPreflight.availableKb(df));
        assertEquals(Optional.empty(), InstallPreflight.availableKb("df: /nope: No such file or directory"));
    }

    @Test
    void freeDiskIsMeasuredOnTheNearestExistingAncestor() throws Exception {
        Path tmp = Files.createTempDirectory("slipway-preflight-");
        try (var target = new LocalTarget()) {
            String missing = tmp.resolve("a/b/c").toString();
            assertEquals(tmp.toString(), InstallPreflight.existingAncestor(target, missing));
            assertDoesNotThrow(() -> InstallPreflight.requireFreeDisk(target, missing));
            assertTrue(Files.notExists(tmp.resolve("a")), "nothing is created");
        } finally {
            Files.delete(tmp);
        }
    }
}
