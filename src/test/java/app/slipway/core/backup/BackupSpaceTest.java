package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.e2e.FixtureStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupSpaceTest {
    @Test
    void fitsWithTenPercentAndSixteenMegabytesToSpare() {
        // 100 MB needed → 110 MB + 16 MB = 126 MB required
        assertEquals(Optional.empty(), BackupSpace.shortage("/srv/app", 100 * 1024, 126 * 1024));
        assertEquals(Optional.of("Not enough space for the backup in /srv/app: it needs about 126 MB and 125 MB are"
                        + " free; free some space or run with --skip-backup."),
                BackupSpace.shortage("/srv/app", 100 * 1024, 126 * 1024 - 1));
    }

    @Test
    void aBackupMustLeaveTheFloorFree() {
        long floor = BackupSpace.floorKb(100L << 20);
        assertEquals(1024 * 1024, floor, "1 GiB on a 100 GiB disk");
        assertEquals(512 * 1024, BackupSpace.floorKb(10L << 20), "5 % of a 10 GiB disk");
        // 100 MB needed → 126 MB required, and 1024 MB left over
        assertEquals(Optional.empty(), BackupSpace.shortage("/srv/app", 100 * 1024, (126 + 1024) * 1024, floor));
        assertEquals(Optional.of("The backup would leave less than 1024 MB free in /srv/app (it needs about 126 MB and"
                        + " 1149 MB are free); free some space or run with --skip-backup."),
                BackupSpace.shortage("/srv/app", 100 * 1024, (126 + 1024) * 1024 - 1, floor));
    }

    @Test
    void evenAnEmptyBackupNeedsTheFixedHeadroom() {
        assertEquals(Optional.empty(), BackupSpace.shortage("/d", 0, 16 * 1024));
        assertTrue(BackupSpace.shortage("/d", 0, 16 * 1024 - 1).orElseThrow().contains("needs about 16 MB and 15 MB"));
    }

    @Test
    void roundsTheNeedUpAndTheFreeSpaceDown() {
        // 1 KB needed → 1 + 1 + 16384 KB → 16.002 MB → "17 MB"
        assertTrue(BackupSpace.shortage("/d", 1, 1).orElseThrow().contains("needs about 17 MB and 0 MB are free"));
    }

    /**
     * A real refusal: the stack's backups folder is a 2 MB tmpfs, so {@code df} reports 2 MB free
     * where the backup would go.
     */
    @Test
    void refusesWhenTheBackupsFolderIsTooSmall() throws Exception {
        try (FixtureStack stack = BackupTestbed.startStack(); Connection c = BackupTestbed.local()) {
            Path backups = Files.createDirectory(stack.directory().resolve("backups"));
            BackupTestbed.run(null, null, "mount", "-t", "tmpfs", "-o", "size=2m", "slipway-backup-test", backups.toString());
            try {
                var e = assertThrows(SlipwayException.class,
                        () -> new BackupSpace().ensureRoom(c, BackupTestbed.inspect(c, stack)));
                assertEquals(ExitCode.REFUSED, e.exitCode());
                assertTrue(e.getMessage().matches("Not enough space for the backup in " + stack.directory()
                        + ": it needs about \\d+ MB and 2 MB are free; free some space or run with --skip-backup\\."),
                        e.getMessage());
            } finally {
                BackupTestbed.run(null, null, "umount", backups.toString());
            }
        }
    }
}
