package app.slipway.core.backup;

import static app.slipway.core.backup.BackupTestbed.inWeb;
import static app.slipway.core.backup.BackupTestbed.psql;
import static app.slipway.core.backup.BackupTestbed.run;
import static app.slipway.core.backup.BackupTestbed.sha256sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.stack.StackState;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of a real running fixture stack, through one kind of target. The stack is
 * shared by the tests of a class; each test uses its own table and file names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackupContract {
    protected FixtureStack stack;
    protected Connection connection;

    protected abstract Connection connect();

    @BeforeAll
    void startStack() {
        stack = BackupTestbed.startStack();
        connection = connect();
    }

    @AfterAll
    void stopStack() {
        if (connection != null) connection.close();
        if (stack != null) stack.close();
    }

    private StackState state() {
        return BackupTestbed.inspect(connection, stack);
    }

    @Test
    void backupHoldsEveryPartOfTheRunningStack() throws Exception {
        psql(stack, "create table backup_probe(x int); insert into backup_probe values (1), (2), (3);");
        inWeb(stack, "echo hello-backup > /data/storage/backup-probe.txt");
        var events = new BackupTestbed.Events();

        Backup backup = new BackupWriter().write(connection, state(), "2.0.0", "2.1.0", events);

        Path dir = stack.directory();
        assertTrue(backup.id().matches("\\d{8}T\\d{6}Z-2\\.0\\.0-to-2\\.1\\.0(-\\d+)?"), backup.id());
        assertEquals(dir.resolve("backups").resolve(backup.id()).toString(), backup.path());
        Path folder = Path.of(backup.path());
        assertEquals(Set.of(".env", "docker-compose.yml", "images.json", "postgres.dump",
                "volume-web-data-storage.tar", "manifest.json"), names(folder));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));

        // .env and compose file byte for byte; .env readable by its owner only
        assertArrayEquals(Files.readAllBytes(dir.resolve(".env")), Files.readAllBytes(folder.resolve(".env")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(".env"))));
        assertArrayEquals(Files.readAllBytes(dir.resolve("docker-compose.yml")),
                Files.readAllBytes(folder.resolve("docker-compose.yml")));

        // the manifest: every file but itself, with the size and sha256 sha256sum sees
        BackupManifest m = backup.manifest();
        assertEquals(backup.id(), m.id());
        assertEquals("Fixture", m.product());
        assertEquals("2.0.0", m.from());
        assertEquals("2.1.0", m.to());
        assertEquals("docker-compose.yml", m.composeFile());
        assertEquals(5, m.files().size());
        for (BackupFile f : m.files()) {
            assertEquals(Files.size(folder.resolve(f.name())), f.size(), f.name());
            assertEquals(sha256sum(folder.resolve(f.name())), f.sha256(), f.name());
        }
        assertEquals(m, ManifestJson.read(Files.readAllBytes(folder.resolve("manifest.json"))));
        JsonNode json = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        for (String field : List.of("id", "product", "from", "to", "createdAt", "composeFile", "files")) {
            assertTrue(json.has(field), "manifest.json has " + field);
        }

        // the dump lists the table; the volume archive holds the file
        String listing = run(folder.resolve("postgres.dump"), dir, "docker-compose", "exec", "-T", "db", "pg_restore", "-l");
        assertTrue(listing.contains("TABLE public backup_probe"), listing);
        assertTrue(listing.contains("TABLE DATA public backup_probe"), listing);
        String archived = run(null, null, "tar", "-tf", folder.resolve("volume-web-data-storage.tar").toString());
        assertTrue(archived.lines().anyMatch(l -> l.equals("./backup-probe.txt")), archived);
        String content = run(null, null, "tar", "-xOf", folder.resolve("volume-web-data-storage.tar").toString(),
                "./backup-probe.txt");
        assertEquals("hello-backup\n", content);

        // images.json: the running containers' images and registry digests
        List<RunningImage> images = ImagesFile.read(connection.target(), backup);
        RunningImage web = images.stream().filter(i -> i.service().equals("web")).findFirst().orElseThrow();
        assertEquals(Testbed.require().fixtureImage("2.0.0"), web.image());
        assertTrue(web.imageId().startsWith("sha256:"), web.imageId());
        assertTrue(web.repoDigest().orElseThrow().startsWith(Testbed.require().fixtureImage() + "@sha256:"),
                web.repoDigest().toString());
        assertTrue(images.stream().anyMatch(i -> i.service().equals("db")));
        assertTrue(images.stream().noneMatch(i -> i.service().equals("migrate")), "a one-shot that exited is not running");

        // what was done is told, and no secret of .env is in it
        assertTrue(events.lines().stream().anyMatch(l -> l.contains("pg_dump")), events.lines().toString());
        events.assertNoSecret();

        // the catalog finds it and its checksums hold
        var catalog = new BackupCatalog();
        Backup found = catalog.find(connection.target(), dir.toString(), backup.id());
        assertEquals(backup, found);
        catalog.verify(connection.target(), found);
    }

    @Test
    void databaseRestoreBringsBackRowsDeletedAfterTheBackup() {
        psql(stack, "create table restore_probe(x int); insert into restore_probe select generate_series(1, 50);");
        Backup backup = new BackupWriter().write(connection, state(), "2.0.0", "2.1.0", new BackupTestbed.Events());
        psql(stack, "delete from restore_probe where x > 1; create table created_after(y int);");
        assertEquals("1", psql(stack, "select count(*) from restore_probe"));

        var events = new BackupTestbed.Events();
        new DatabaseRestore().restore(connection, state(), backup, events);

        assertEquals("50", psql(stack, "select count(*) from restore_probe"));
        assertTrue(events.lines().stream().anyMatch(l -> l.contains("pg_restore")), events.lines().toString());
        events.assertNoSecret();
    }

    @Test
    void volumeRestoreBringsBackADeletedFileWhetherTheServiceRunsOrNot() {
        inWeb(stack, "echo keep-me > /data/storage/volume-probe.txt");
        Backup backup = new BackupWriter().write(connection, state(), "2.0.0", "2.1.0", new BackupTestbed.Events());
        inWeb(stack, "rm /data/storage/volume-probe.txt && echo stray > /data/storage/stray.txt");

        new VolumeRestore().restore(connection, state(), backup, new BackupTestbed.Events());
        assertEquals("keep-me\n", inWeb(stack, "cat /data/storage/volume-probe.txt"));
        assertEquals("gone\n", inWeb(stack, "[ -e /data/storage/stray.txt ] && echo there || echo gone"),
                "the path is emptied before unpacking");

        // with web stopped, a throwaway container of the service does it
        inWeb(stack, "rm /data/storage/volume-probe.txt");
        stack.compose("stop", "web");
        try {
            var events = new BackupTestbed.Events();
            new VolumeRestore().restore(connection, state(), backup, events);
            assertTrue(events.lines().stream().anyMatch(l -> l.contains(" run --rm --no-deps -T ")), events.lines().toString());
        } finally {
            stack.compose("start", "web");
        }
        assertEquals("keep-me\n", inWeb(stack, "cat /data/storage/volume-probe.txt"));
    }

    @Test
    void aDumpThatFailsIsRefusedWithASentenceAndLeavesNoFolder(@TempDir Path tmp) {
        Path profile = BackupTestbed.profileWithBackup(tmp, """
                backup:
                  postgres: {service: db, database: no_such_db, user: postgres}
                  volumes:
                    - {service: web, path: /data/storage}
                """);
        StackState state = BackupTestbed.inspect(connection, stack, profile);
        Set<String> before = names(stack.directory().resolve("backups"));

        var e = assertThrows(SlipwayException.class, () ->
                new BackupWriter().write(connection, state, "2.0.0", "2.1.0", new BackupTestbed.Events()));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("no_such_db"), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(before, names(stack.directory().resolve("backups")), "the incomplete folder is removed");
    }

    @Test
    void aSecretInTheCommandOrItsErrorsIsMaskedEverywhere(@TempDir Path tmp) {
        // A role named after the .env secret: it shows up in the command line and in pg_dump's error.
        Path profile = BackupTestbed.profileWithBackup(tmp, """
                backup:
                  postgres: {service: db, database: fixture, user: "${FIXTURE_SECRET_KEY}"}
                """);
        StackState state = BackupTestbed.inspect(connection, stack, profile);
        var events = new BackupTestbed.Events();

        var e = assertThrows(SlipwayException.class, () ->
                new BackupWriter().write(connection, state, "2.0.0", "2.1.0", events));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertFalse(e.getMessage().contains(BackupTestbed.SECRET), e.getMessage());
        assertTrue(events.lines().stream().anyMatch(l -> l.contains("pg_dump") && l.contains("********")),
                events.lines().toString());
        events.assertNoSecret();
    }

    @Test
    void theEstimateMeasuresTheRealPartsAndFits() {
        BackupSpace.Estimate estimate = new BackupSpace().estimate(connection, state());
        assertTrue(estimate.neededKb() > 1000, "a PostgreSQL database alone is megabytes: " + estimate);
        assertTrue(estimate.freeKb() > 0, estimate.toString());
        new BackupSpace().ensureRoom(connection, state());
    }

    static Set<String> names(Path dir) {
        if (!Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
