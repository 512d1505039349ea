package app.slipway.core.backup;

import static app.slipway.core.backup.BackupTestbed.psql;
import static app.slipway.core.backup.BackupTestbed.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.stack.StackState;
import app.slipway.e2e.CliRun;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill and the rollback to a backup's pinned images, on one real fixture stack on this
 * machine's engine. The stack runs a tag of the fixture image that only this class uses, so moving it
 * disturbs no other test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrillLocalTest {
    private final Testbed testbed = Testbed.require();
    private final String tag = "drill-" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4)
            .putInt(new java.security.SecureRandom().nextInt()).array());
    private FixtureStack stack;
    private Connection connection;

    @BeforeAll
    void startStack() {
        docker("pull", testbed.fixtureImage(testbed.nextVersion()));
        docker("tag", testbed.fixtureImage(testbed.currentVersion()), testbed.fixtureImage(tag));
        stack = FixtureStack.start("compose.yml", tag);
        connection = BackupTestbed.local();
    }

    @AfterAll
    void stopStack() {
        if (connection != null) connection.close();
        if (stack != null) stack.close();
        docker("rmi", testbed.fixtureImage(tag)); // the tag only: the image is the fixture's
    }

    private StackState state() {
        return BackupTestbed.inspect(connection, stack);
    }

    @Test
    void aGoodBackupPassesItsDrillWhenTheProfileAsksAndAgainLater(@TempDir Path tmp) throws Exception {
        psql(stack, "create table drill_orders(id int); insert into drill_orders select generate_series(1, 50);"
                + " create schema drill; create table drill.\"Mixed Case\"(t text); insert into drill.\"Mixed Case\" values ('x');");
        Path verifying = BackupTestbed.profileWithBackup(tmp, """
                backup:
                  postgres: {service: db, database: fixture, user: postgres}
                  verify: true
                """);
        var events = new BackupTestbed.Events();

        Backup backup = new BackupWriter().write(connection, BackupTestbed.inspect(connection, stack, verifying), tag,
                "2.1.0", events);

        var onDisk = new BackupCatalog().find(connection.target(), stack.directory().toString(), backup.id()).manifest();
        var counts = onDisk.database().orElseThrow().rowCounts().orElseThrow();
        assertEquals(50L, counts.get("public.drill_orders"), counts.toString());
        assertEquals(1L, counts.get("drill.\"Mixed Case\""), counts.toString());
        DrillResult drill = onDisk.drill().orElseThrow();
        assertTrue(drill.passed(), drill.summary());
        assertEquals(counts.size(), drill.tablesCompared());
        assertTrue(drill.image().startsWith(testbed.postgresImage()), drill.image());
        assertEquals(drill, backup.manifest().drill().orElseThrow(), "the writer hands back the manifest as recorded");
        assertNoDrillContainer();
        events.assertNoSecret();

        // Rows written since do not matter: the drill compares with the dump's own snapshot.
        psql(stack, "insert into drill_orders select generate_series(51, 60);");
        DrillResult later = new RestoreDrill().run(connection, state(), backup.id(), events);
        assertTrue(later.passed(), later.summary());
        assertTrue(later.at().isAfter(drill.at()));
        assertNoDrillContainer();
    }

    @Test
    void aDamagedDumpFailsItsDrill() throws Exception {
        psql(stack, "create table damage_probe(x int); insert into damage_probe select generate_series(1, 20);");
        Backup backup = new BackupWriter().write(connection, state(), tag, "2.1.0", new BackupTestbed.Events());
        Path dump = Path.of(backup.pathOf("postgres.dump"));
        byte[] good = Files.readAllBytes(dump);

        // Bytes flipped after the backup: its checksum says so before anything is started.
        byte[] flipped = good.clone();
        for (int i = flipped.length / 2; i < flipped.length / 2 + 8; i++) flipped[i] ^= (byte) 0xFF;
        Files.write(dump, flipped);
        var events = new BackupTestbed.Events();
        DrillResult checked = new RestoreDrill().run(connection, state(), backup.id(), events);
        assertFalse(checked.passed());
        assertTrue(checked.summary().contains("no longer matches the size and sha256 in its manifest"), checked.summary());
        assertTrue(events.lines().stream().noneMatch(l -> l.contains("docker run")), "nothing was started");

        // Damaged before it was checksummed: the last third garbled, the manifest agreeing — pg_restore says no.
        byte[] garbled = good.clone();
        for (int i = garbled.length * 2 / 3; i < garbled.length; i++) garbled[i] ^= (byte) 0x5A;
        Files.write(dump, garbled);
        agreeWithTheFile(backup, dump);
        DrillResult restored = new RestoreDrill().run(connection, state(), backup.id(), new BackupTestbed.Events());
        assertFalse(restored.passed());
        assertTrue(restored.summary().startsWith("Backup " + backup.id() + " failed its restore drill: pg_restore could not"
                + " restore its dump ("), restored.summary());
        assertFalse(restored.summary().contains("\n"));

        // A dump that restores, but not the rows there were: the counts say so.
        Files.write(dump, good);
        agreeWithTheFile(backup, dump);
        var m = ManifestJson.read(Files.readAllBytes(Path.of(backup.pathOf("manifest.json"))));
        var db = m.database().orElseThrow();
        var counts = new java.util.LinkedHashMap<>(db.rowCounts().orElseThrow());
        counts.put("public.damage_probe", 21L);
        write(backup, new BackupManifest(m.id(), m.product(), m.from(), m.to(), m.createdAt(), m.composeFile(), m.envFile(),
                m.files(), java.util.Optional.of(new DatabaseEntry(db.service(), db.database(), db.user(), db.file(),
                java.util.Optional.of(counts))), m.volumes(), m.directories()));
        DrillResult counted = new RestoreDrill().run(connection, state(), backup.id(), new BackupTestbed.Events());
        assertFalse(counted.passed());
        assertEquals(List.of(new RowMismatch("public.damage_probe", java.util.Optional.of(21L), java.util.Optional.of(20L))),
                counted.mismatches());
        assertFalse(ManifestJson.read(Files.readAllBytes(Path.of(backup.pathOf("manifest.json")))).drill().orElseThrow()
                .passed(), "the failure is recorded");
        assertNoDrillContainer();
    }

    @Test
    void aRollbackByIdStartsTheRecordedDigestAfterTheTagMoved() throws Exception {
        Backup backup = new BackupWriter().write(connection, state(), tag, "2.1.0", new BackupTestbed.Events());
        RunningImage web = ImagesFile.read(connection.target(), backup).stream()
                .filter(i -> i.service().equals("web")).findFirst().orElseThrow();
        String digest = web.repoDigest().orElseThrow().substring(web.repoDigest().get().indexOf('@') + 1);
        assertEquals(testbed.fixtureImage(tag) + "@" + digest, web.pin().orElseThrow());
        assertTrue(Files.readString(Path.of(backup.pathOf("images.json"))).contains("\"pin\" : \""
                + testbed.fixtureImage(tag) + "@" + digest + "\""));

        // The tag now names another image, and the stack runs it.
        docker("tag", testbed.fixtureImage(testbed.nextVersion()), testbed.fixtureImage(tag));
        stack.compose("up", "-d");
        awaitVersion(testbed.nextVersion());

        CliRun rollback = CliRun.of("rollback", "--dir", stack.directory().toString(), "--profile",
                testbed.fixtureProfile().toString(), "--backup", backup.id(), "--yes", "--json");

        assertEquals(0, rollback.exitCode(), rollback.toString());
        assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip(), "the recorded image serves again");
        assertEquals(web.imageId(), docker("image", "inspect", "-f", "{{.Id}}", testbed.fixtureImage(tag)).strip(),
                "the tag points at the recorded image again");
        String webContainer = stack.compose("ps", "-q", "web").strip();
        assertEquals(web.imageId(), docker("inspect", "-f", "{{.Image}}", webContainer).strip());
    }

    private void assertNoDrillContainer() {
        assertEquals("", docker("ps", "-a", "-q", "--filter", "label=" + DrillContainer.DIR_LABEL + "="
                + stack.directory()).strip(), "the throwaway container is gone");
    }

    /** The manifest's size and sha256 of the dump made to match the file as it is now. */
    private static void agreeWithTheFile(Backup backup, Path dump) throws Exception {
        var m = ManifestJson.read(Files.readAllBytes(Path.of(backup.pathOf("manifest.json"))));
        var files = new ArrayList<BackupFile>();
        for (BackupFile f : m.files()) {
            files.add(f.name().equals("postgres.dump")
                    ? new BackupFile(f.name(), Files.size(dump), BackupTestbed.sha256sum(dump)) : f);
        }
        write(backup, new BackupManifest(m.id(), m.product(), m.from(), m.to(), m.createdAt(), m.composeFile(), m.envFile(),
                files, m.database(), m.volumes(), m.directories()));
    }

    private static void write(Backup backup, BackupManifest m) throws Exception {
        Files.write(Path.of(backup.pathOf("manifest.json")), ManifestJson.write(m));
    }

    private void awaitVersion(String version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (stack.httpGet("/up").strip().equals(version)) return;
            } catch (AssertionError notYet) {
                // restarting
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the stack did not come up on " + version);
    }

    private static String docker(String... args) {
        var argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return run(null, null, argv.toArray(String[]::new));
    }
}
