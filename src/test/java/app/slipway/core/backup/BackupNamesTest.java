package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupNamesTest {
    @Test
    void idIsTheUtcSecondThenBothVersions() {
        assertEquals("20250301T101502Z-1.4.1-to-1.4.2",
                BackupNames.id(Instant.parse("2025-03-01T10:15:02.987Z"), "1.4.1", "1.4.2"));
        assertEquals("20250301T101502Z-unknown-to-1.0.0-beta.51",
                BackupNames.id(Instant.parse("2025-03-01T10:15:02Z"), null, "1.0.0-beta.51"));
        assertEquals("20250301T101502Z-a_b-to-_x", BackupNames.id(Instant.parse("2025-03-01T10:15:02Z"), "a/b", ".x"));
    }

    @Test
    void candidatesCountFromTwo() {
        assertEquals("x", BackupNames.candidate("x", 1));
        assertEquals("x-2", BackupNames.candidate("x", 2));
    }

    @Test
    void archiveNamesAreSlugsAndNeverCollide() {
        Set<String> taken = new HashSet<>();
        assertEquals("volume-web-rails-storage.tar", BackupNames.volumeArchive("web", "/rails/storage", taken));
        assertEquals("volume-web-rails-storage-2.tar", BackupNames.volumeArchive("web", "/rails//storage/", taken));
        assertEquals("volume-web-root.tar", BackupNames.volumeArchive("web", "/", taken));
        assertEquals("directory-data-pglite.tar", BackupNames.directoryArchive("data/pglite", taken));
        assertEquals("directory-data-pglite-2.tar", BackupNames.directoryArchive("./data/pglite", taken));
    }
}
