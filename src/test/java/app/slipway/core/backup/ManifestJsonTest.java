package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
    static BackupManifest sample(String id, Instant at) {
        return new BackupManifest(id, "Strata", "1.4.1", "1.4.2", at, "docker-compose.yml", Optional.of(".env"),
                List.of(new BackupFile(".env", 120, "a".repeat(64)), new BackupFile("postgres.dump", 9, "b".repeat(64))),
                Optional.of(new DatabaseEntry("db", "strata_production", "postgres", "postgres.dump")),
                List.of(new VolumeEntry("web", "/rails/storage", "volume-web-rails-storage.tar")),
                List.of(new DirectoryEntry("data/pglite", "directory-data-pglite.tar")));
    }

    @Test
    void roundTrips() {
        BackupManifest m = sample("20250301T101500Z-1.4.1-to-1.4.2", Instant.parse("2025-03-01T10:15:00.123Z"));
        assertEquals(m, ManifestJson.read(ManifestJson.write(m)));
    }

    @Test
    void aManifestWithoutTheOptionalPartsRoundTrips() {
        var m = new BackupManifest("x", "P", "1", "2", Instant.EPOCH, "compose.yml", Optional.empty(), List.of(),
                Optional.empty(), List.of(), List.of());
        assertEquals(m, ManifestJson.read(ManifestJson.write(m)));
    }

    @Test
    void rejectsWhatIsNotAManifest() {
        assertThrows(IllegalArgumentException.class, () -> ManifestJson.read("{".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> ManifestJson.read("[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> ManifestJson.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
