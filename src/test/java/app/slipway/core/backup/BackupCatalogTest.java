package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.host.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog over hand-made backup folders on this machine: ordering, lookup and checksums. */
class BackupCatalogTest {
    private final Target target = new LocalTarget();
    private final BackupCatalog catalog = new BackupCatalog();
    @TempDir
    Path dir;

    /** A backup folder with two real files and a manifest describing them. */
    private Backup make(String id, String createdAt) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("backups").resolve(id));
        Files.writeString(folder.resolve(".env"), "A=1\n");
        Files.write(folder.resolve("postgres.dump"), new byte[] {'P', 'G', 'D', 'M', 'P', 0, 1, 2});
        List<BackupFile> files = List.of(describe(folder, ".env"), describe(folder, "postgres.dump"));
        var manifest = new BackupManifest(id, "Fixture", "1", "2", Instant.parse(createdAt), "compose.yml",
                Optional.of(".env"), files, Optional.empty(), List.of(), List.of());
        Files.write(folder.resolve("manifest.json"), ManifestJson.write(manifest));
        return new Backup(id, folder.toString(), manifest);
    }

    private static BackupFile describe(Path folder, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(folder.resolve(name));
        return new BackupFile(name, bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void listsNewestFirstAndIgnoresFoldersWithoutAReadableManifest() throws Exception {
        make("20250101T000000Z-1-to-2", "2025-01-01T00:00:00Z");
        make("20250301T000000Z-2-to-3", "2025-03-01T00:00:00Z");
        make("20250201T000000Z-1-to-2", "2025-02-01T00:00:00Z");
        make("20250301T000000Z-2-to-3-2", "2025-03-01T00:00:00.500Z"); // same second, later
        Files.createDirectories(dir.resolve("backups/20250401T000000Z-interrupted"));
        Files.createDirectories(dir.resolve("backups/20250402T000000Z-broken"));
        Files.writeString(dir.resolve("backups/20250402T000000Z-broken/manifest.json"), "{not json");
        Files.writeString(dir.resolve("backups/stray-file"), "x");

        List<String> ids = catalog.list(target, dir.toString()).stream().map(Backup::id).toList();

        assertEquals(List.of("20250301T000000Z-2-to-3-2", "20250301T000000Z-2-to-3", "20250201T000000Z-1-to-2",
                "20250101T000000Z-1-to-2"), ids);
        assertEquals("20250301T000000Z-2-to-3-2", catalog.latest(target, dir.toString()).orElseThrow().id());
    }

    @Test
    void noBackupsFolderMeansNoBackups() {
        assertEquals(List.of(), catalog.list(target, dir.toString()));
        assertEquals(Optional.empty(), catalog.latest(target, dir.toString()));
    }

    @Test
    void findsByIdAndTellsWhatThereIsWhenUnknown() throws Exception {
        Backup b = make("20250101T000000Z-1-to-2", "2025-01-01T00:00:00Z");
        assertEquals(b, catalog.find(target, dir.toString(), b.id()));

        var e = assertThrows(SlipwayException.class, () -> catalog.find(target, dir.toString(), "nope"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("No backup 'nope' in " + dir + "/backups: slipway backups --dir " + dir
                + " lists the backups there; the newest are 20250101T000000Z-1-to-2.", e.getMessage());
        assertEquals(ExitCode.BAD_INPUT,
                assertThrows(SlipwayException.class, () -> catalog.find(target, dir.toString(), "../x")).exitCode());
    }

    @Test
    void aFolderWithoutItsManifestIsNamedAsSuch() throws Exception {
        Files.createDirectories(dir.resolve("backups/half"));
        var e = assertThrows(SlipwayException.class, () -> catalog.find(target, dir.toString(), "half"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("has no readable manifest.json"), e.getMessage());
    }

    @Test
    void verifyPassesForIntactFilesAndRefusesATamperedOrMissingOne() throws Exception {
        Backup b = make("20250101T000000Z-1-to-2", "2025-01-01T00:00:00Z");
        catalog.verify(target, b);

        Path dump = Path.of(b.pathOf("postgres.dump"));
        byte[] bytes = Files.readAllBytes(dump);
        bytes[3] ^= 1; // same size, one bit different
        Files.write(dump, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        var damaged = assertThrows(SlipwayException.class, () -> catalog.verify(target, b));
        assertEquals(ExitCode.REFUSED, damaged.exitCode());
        assertTrue(damaged.getMessage().contains(dump.toString()), damaged.getMessage());
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());

        Files.delete(dump);
        var missing = assertThrows(SlipwayException.class, () -> catalog.verify(target, b));
        assertEquals(ExitCode.REFUSED, missing.exitCode());
        assertTrue(missing.getMessage().contains(dump + " is missing"), missing.getMessage());
    }

    @Test
    void verifyReadsFileNamesWithSpacesToo() throws Exception {
        Backup b = make("20250101T000000Z-1-to-2", "2025-01-01T00:00:00Z");
        Path odd = Path.of(b.path()).resolve("my compose.yml");
        Files.writeString(odd, "services: {}\n", StandardCharsets.UTF_8);
        var withOdd = new Backup(b.id(), b.path(), new BackupManifest(b.id(), "F", "1", "2", Instant.EPOCH,
                "my compose.yml", Optional.empty(), List.of(describe(Path.of(b.path()), "my compose.yml")),
                Optional.empty(), List.of(), List.of()));
        catalog.verify(target, withOdd);
    }
}
