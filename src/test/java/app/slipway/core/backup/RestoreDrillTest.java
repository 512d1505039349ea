package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunEvent;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill against an in-memory target: what it runs, what it concludes, and that it always cleans up. */
class RestoreDrillTest {
    static final String ID = "20261130T100000Z-1.0.0-to-2.0.0";
    static final String FOLDER = FakeStack.DIR + "/backups/" + ID;
    static final String DUMP = "PGDMP pretend archive";
    static final String PROFILE = """
            name: App
            version_variable: APP_VERSION
            images: [127.0.0.1:5555/acme/app]
            health: {url: "http://127.0.0.1:3000/up"}
            backup:
              postgres: {service: web, database: app, user: "${APP_SECRET_KEY}"}
              verify: %s
            """;

    @TempDir
    java.nio.file.Path temp;

    /** How the fake container answers, and what it was asked. */
    final class Docker {
        ExecResult restore = new ExecResult(0, "", "");
        String counts = "slipway-rows 50 \"public.orders\"\nslipway-rows 0 \"public.empty\"\n";
        int countExit = 0;
        String leftovers = "";
        final List<String> removed = new ArrayList<>();
        final List<Command> run = new ArrayList<>();

        ExecResult answer(Command c) {
            List<String> a = c.argv();
            if (!a.get(0).equals("docker")) return null;
            run.add(c);
            return switch (a.get(1)) {
                case "ps" -> new ExecResult(0, leftovers, "");
                case "run" -> new ExecResult(0, "c0ffee\n", "");
                case "rm" -> {
                    removed.add(a.get(a.size() - 1));
                    yield new ExecResult(0, a.get(a.size() - 1) + "\n", "");
                }
                case "exec" -> a.contains("pg_restore") ? restore
                        : a.contains(DrillContainer.DATABASE) && a.contains("psql") ? new ExecResult(countExit, counts,
                                countExit == 0 ? "" : "psql: error: connection lost")
                        : new ExecResult(0, "", "");
                default -> new ExecResult(0, "", "");
            };
        }

        String container() {
            Command started = run.stream().filter(c -> c.argv().get(1).equals("run")).findFirst().orElseThrow();
            return started.argv().get(started.argv().indexOf("--name") + 1);
        }
    }

    private FakeStack stack(boolean verify, Docker docker) {
        var stack = new FakeStack(temp, PROFILE.formatted(verify), Map.of()).onCommand(docker::answer);
        var counts = new LinkedHashMap<String, Long>();
        counts.put("public.orders", 50L);
        counts.put("public.empty", 0L);
        stack.host.file(FOLDER + "/postgres.dump", DUMP, 0600);
        stack.host.file(FOLDER + "/images.json", "[{\"service\": \"web\", \"container\": \"app-web-1\", \"image\": \""
                + FakeStack.IMAGE + ":1.0.0\", \"imageId\": \"" + stack.engine.imageId(FakeStack.IMAGE + ":1.0.0").orElseThrow()
                + "\", \"repoDigest\": null}]\n", 0600);
        var manifest = new BackupManifest(ID, "App", "1.0.0", "2.0.0", Instant.parse("2026-11-30T10:00:00Z"),
                "compose.yml", Optional.empty(), List.of(new BackupFile("postgres.dump", DUMP.length(), sha256(DUMP))),
                Optional.of(new DatabaseEntry("web", "app", FakeStack.SECRET, "postgres.dump", Optional.of(counts))),
                List.of(), List.of());
        stack.host.file(FOLDER + "/manifest.json", new String(ManifestJson.write(manifest), StandardCharsets.UTF_8), 0600);
        return stack;
    }

    private static Backup backup(FakeStack stack) {
        return new BackupCatalog().find(stack.host, FakeStack.DIR, ID);
    }

    @Test
    void aGoodDumpPassesInAContainerWithoutNetworkThatIsRemovedAfterwards() {
        var docker = new Docker();
        var stack = stack(false, docker);
        var events = new ArrayList<RunEvent>();

        DrillResult result = new RestoreDrill().run(stack.connection, stack.read(), ID, events::add);

        assertTrue(result.passed(), result.summary());
        assertEquals(2, result.tablesCompared());
        assertEquals(50, result.rowsRestored());
        assertEquals("Backup " + ID + " passed its restore drill: its dump restored into a throwaway PostgreSQL container,"
                + " and all 2 tables hold the 50 rows they held when it was dumped.", result.summary());
        List<String> started = docker.run.stream().filter(c -> c.argv().get(1).equals("run")).findFirst().orElseThrow().argv();
        assertTrue(String.join(" ", started).contains("--network none"), started.toString());
        assertFalse(started.contains("-p") || started.contains("--publish") || started.contains("-P"), started.toString());
        assertTrue(started.contains(DrillContainer.LABEL + "=" + ID), started.toString());
        assertTrue(started.contains(DrillContainer.DIR_LABEL + "=" + FakeStack.DIR), started.toString());
        assertEquals(List.of(docker.container()), docker.removed, "removed once, with its volume");
        Command restore = docker.run.stream().filter(c -> c.argv().contains("pg_restore")).findFirst().orElseThrow();
        assertEquals(FOLDER + "/postgres.dump", restore.stdinFile(), "the dump streams from the backup folder on the target");

        DrillResult recorded = backup(stack).manifest().drill().orElseThrow();
        assertTrue(recorded.passed());
        assertEquals(result.summary(), recorded.summary());
        assertEquals(backup(stack).manifest().files(), List.of(new BackupFile("postgres.dump", DUMP.length(), sha256(DUMP))));
        for (RunEvent e : events) {
            assertFalse(e.toString().contains(FakeStack.SECRET), "the dump's role is the .env secret here: " + e);
        }
    }

    @Test
    void rowsThatDifferFailTheDrillNamingTheTables() {
        var docker = new Docker();
        docker.counts = "slipway-rows 49 \"public.orders\"\nslipway-rows 0 \"public.empty\"\nslipway-rows 3 \"public.stray\"\n";
        var stack = stack(false, docker);

        DrillResult result = new RestoreDrill().run(stack.connection, stack.read(), ID, e -> {});

        assertFalse(result.passed());
        assertEquals(List.of(new RowMismatch("public.orders", Optional.of(50L), Optional.of(49L)),
                new RowMismatch("public.stray", Optional.empty(), Optional.of(3L))), result.mismatches());
        assertEquals("Backup " + ID + " failed its restore drill: 2 of 3 tables hold other rows than when it was dumped"
                + " (public.orders: 50 when dumped, 49 restored; public.stray: not there when dumped, 3 restored).",
                result.summary());
        assertEquals(List.of(docker.container()), docker.removed);
        assertFalse(backup(stack).manifest().drill().orElseThrow().passed());
    }

    @Test
    void aDumpPgRestoreCannotReadFailsTheDrill() {
        var docker = new Docker();
        docker.restore = new ExecResult(1, "", "pg_restore: error: could not read from input file: end of file\n");
        var stack = stack(false, docker);

        DrillResult result = new RestoreDrill().run(stack.connection, stack.read(), ID, e -> {});

        assertFalse(result.passed());
        assertEquals("Backup " + ID + " failed its restore drill: pg_restore could not restore its dump"
                + " (pg_restore: error: could not read from input file: end of file).", result.summary());
        assertEquals(List.of(docker.container()), docker.removed);
    }

    @Test
    void aDumpChangedSinceTheBackupFailsWithoutStartingAnything() {
        var docker = new Docker();
        var stack = stack(false, docker);
        stack.host.file(FOLDER + "/postgres.dump", DUMP.replace('a', 'b'), 0600); // same size, other bytes

        DrillResult result = new RestoreDrill().run(stack.connection, stack.read(), ID, e -> {});

        assertFalse(result.passed());
        assertTrue(result.summary().contains("no longer matches the size and sha256 in its manifest"), result.summary());
        assertTrue(docker.run.stream().noneMatch(c -> c.argv().get(1).equals("run")), "no container for a damaged file");
    }

    @Test
    void theContainerIsRemovedWhenTheDrillBreaksOffAndNothingIsRecorded() {
        var docker = new Docker();
        docker.countExit = 2;
        var stack = stack(false, docker);

        var e = assertThrows(SlipwayException.class,
                () -> new RestoreDrill().run(stack.connection, stack.read(), ID, ev -> {}));

        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("Counting the rows of the restored copy of backup " + ID + " failed"),
                e.getMessage());
        assertEquals(List.of(docker.container()), docker.removed);
        assertTrue(backup(stack).manifest().drill().isEmpty(), "a drill that did not run records nothing");
    }

    @Test
    void aBackupWithoutADumpIsBadInput() {
        var stack = stack(false, new Docker());
        var manifest = backup(stack).manifest();
        stack.host.file(FOLDER + "/manifest.json", new String(ManifestJson.write(new BackupManifest(ID, "App", "1.0.0",
                "2.0.0", manifest.createdAt(), "compose.yml", Optional.empty(), List.of(), Optional.empty(), List.of(),
                List.of())), StandardCharsets.UTF_8), 0600);

        var e = assertThrows(SlipwayException.class,
                () -> new RestoreDrill().run(stack.connection, stack.read(), ID, ev -> {}));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("Backup " + ID + " holds no database dump, so there is nothing for a restore drill to restore.",
                e.getMessage());
    }

    @Test
    void afterABackupTheDrillRunsOnlyWhenTheProfileAsksAndAFailureIsARefusal() {
        var quiet = new Docker();
        var notAsked = stack(false, quiet);
        assertEquals(backup(notAsked), RestoreDrill.ifAsked(notAsked.connection, notAsked.read(), backup(notAsked), e -> {}));
        assertTrue(quiet.run.isEmpty(), "no drill unless backup.verify says so");
        assertTrue(RestoreDrill.planDetail(notAsked.read()).isEmpty());

        var good = new Docker();
        var asked = stack(true, good);
        Backup drilled = RestoreDrill.ifAsked(asked.connection, asked.read(), backup(asked), e -> {});
        assertTrue(drilled.manifest().drill().orElseThrow().passed());
        assertTrue(RestoreDrill.planDetail(asked.read()).orElseThrow().startsWith("A restore drill (backup.verify)"));

        var bad = new Docker();
        bad.restore = new ExecResult(1, "", "pg_restore: error: could not uncompress data: invalid distance too far back\n");
        var failing = stack(true, bad);
        var e = assertThrows(SlipwayException.class,
                () -> RestoreDrill.ifAsked(failing.connection, failing.read(), backup(failing), ev -> {}));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Backup " + ID + " failed its restore drill: pg_restore could not restore its dump (pg_restore: error:"
                + " could not uncompress data: invalid distance too far back); the run stops here, before any change, as"
                + " backup.verify in the profile asks: look into the database and the backup before trying again.",
                e.getMessage());
        assertFalse(backup(failing).manifest().drill().orElseThrow().passed(), "the failure is on record");
    }

    @Test
    void aContainerLeftByADrillThatWasKilledIsRemovedFirst() {
        var docker = new Docker();
        long gone = ProcessHandle.current().pid() + 1_000_000; // a pid no process has here
        var me = app.slipway.core.state.LockOwner.current("x");
        docker.leftovers = "slipway-drill-old\t" + me.host() + "\t" + gone + "\t2026-11-30T09:00:00Z\n"
                + "slipway-drill-busy\t" + me.host() + "\t" + me.pid() + "\t" + me.startedAt() + "\n";
        var stack = stack(false, docker);

        new RestoreDrill().run(stack.connection, stack.read(), ID, e -> {});

        assertEquals(List.of("slipway-drill-old", docker.container()), docker.removed,
                "the dead drill's container goes, a running drill's stays");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
