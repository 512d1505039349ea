package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.e2e.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backups}, {@code history} and {@code backup --download} on this computer's files: they read what
 * Slipway keeps beside a stack and need no engine, so hand-made backups and history lines are enough.
 */
class BackupsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLD = "20250101T100000Z-1.0.0-to-2.0.0";
    private static final String NEW = "20250301T120000Z-2.0.0-manual";

    @TempDir Path stack;
    @TempDir Path here;

    /** A backup folder with real files and a manifest of their sizes and sha256, as the writer leaves it. */
    private Path backup(String id, String createdAt, String from, String to, Map<String, String> files,
                        boolean dump, String drillJson) throws Exception {
        Path folder = Files.createDirectories(stack.resolve("backups").resolve(id));
        ObjectNode m = JSON.createObjectNode().put("id", id).put("product", "Fixture").put("from", from).put("to", to)
                .put("createdAt", createdAt).put("composeFile", "docker-compose.yml").put("envFile", ".env");
        var list = m.putArray("files");
        for (var f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes();
            Files.write(folder.resolve(f.getKey()), bytes);
            list.addObject().put("name", f.getKey()).put("size", bytes.length)
                    .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        if (dump) {
            m.putObject("postgres").put("service", "db").put("database", "fixture").put("user", "postgres")
                    .put("file", "postgres.dump");
        } else {
            m.putNull("postgres");
        }
        m.putArray("volumes").addObject().put("service", "web").put("path", "/data/storage").put("file", "volume-web-data-storage.tar");
        m.putArray("directories");
        if (drillJson != null) m.set("drill", JSON.readTree(drillJson));
        Files.writeString(folder.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        return folder;
    }

    private void twoBackups() throws Exception {
        backup(OLD, "2025-01-01T10:00:00Z", "1.0.0", "2.0.0", Map.of(".env", "FIXTURE_SECRET_KEY=very-secret\n",
                "docker-compose.yml", "services: {}\n", "images.json", "[]\n", "postgres.dump", "PGDMP old",
                "volume-web-data-storage.tar", "tar bytes"), true, """
                {"result": "passed", "at": "2025-01-02T08:00:00Z", "durationMs": 5400, "image": "postgres:16",
                 "tablesCompared": 3, "rowsRestored": 1200, "mismatches": [], "summary": "3 tables, 1200 rows as dumped"}
                """);
        backup(NEW, "2025-03-01T12:00:00Z", "2.0.0", "2.0.0", Map.of(".env", "FIXTURE_SECRET_KEY=very-secret\n",
                "docker-compose.yml", "services: {}\n", "images.json", "[]\n", "volume-web-data-storage.tar", "tar"),
                false, null);
    }

    private CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", "local"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void backupsAreListedNewestFirstWithWhatTheyHoldAndTheirChecks() throws Exception {
        twoBackups();
        Files.createDirectories(stack.resolve("backups/20250401T000000Z-interrupted")); // no manifest: no backup

        CliRun run = cli("backups", "--dir", stack.toString(), "--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode list = JSON.readTree(run.out());
        assertEquals(2, list.size(), run.out());
        JsonNode newest = list.get(0);
        assertEquals(List.of("id", "path", "createdAt", "kind", "version", "product", "sizeBytes", "contains",
                "dumpCheck", "drill"), iterable(newest.fieldNames()));
        assertEquals(NEW, newest.get("id").asText());
        assertEquals("manual", newest.get("kind").asText());
        assertEquals("2.0.0", newest.get("version").asText());
        assertEquals("no dump", newest.get("dumpCheck").asText());
        assertEquals("not drilled", newest.get("drill").get("result").asText());
        assertTrue(newest.get("drill").get("at").isNull());
        JsonNode old = list.get(1);
        assertEquals(OLD, old.get("id").asText());
        assertEquals("upgrade", old.get("kind").asText());
        assertEquals("1.0.0", old.get("version").asText(), "a backup before an upgrade brings back the version before it");
        assertEquals("fixture", old.get("contains").get("database").asText());
        assertEquals(List.of("web:/data/storage"), iterable(old.get("contains").get("volumes").elements()).stream()
                .map(Object::toString).map(s -> s.replace("\"", "")).toList());
        assertTrue(old.get("contains").get("env").asBoolean());
        assertEquals("passed", old.get("dumpCheck").asText());
        assertEquals("passed", old.get("drill").get("result").asText());
        assertEquals("2025-01-02T08:00:00Z", old.get("drill").get("at").asText());
        assertFalse(run.out().contains("very-secret"), "a .env value never shows");

        CliRun text = cli("backups", "--dir", stack.toString());
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("2 backups in " + stack + "/backups, newest first:\n"), text.out());
        assertTrue(text.out().indexOf(NEW) < text.out().indexOf(OLD), "newest first:\n" + text.out());
        assertTrue(text.out().contains("2025-01-01 10:00 UTC, upgrade, brings back 1.0.0, "), text.out());
        assertTrue(text.out().contains("holds .env, docker-compose.yml, images, dump of fixture, volume web:/data/storage"),
                text.out());
        assertTrue(text.out().contains("dump check: passed (pg_restore -l); restore drill: passed on 2025-01-02 08:00 UTC"
                + " (3 tables, 1200 rows as dumped)"), text.out());
        assertTrue(text.out().contains("dump check: no dump; restore drill: not drilled"), text.out());
    }

    @Test
    void noBackupsAndNoDirectoryAreSaidPlainly() throws Exception {
        CliRun none = cli("backups", "--dir", stack.toString(), "--json");
        assertEquals(0, none.exitCode(), none.toString());
        assertEquals("[ ]", none.out().strip());
        assertEquals("No backups in " + stack + "/backups.", cli("backups", "--dir", stack.toString()).out().strip());

        CliRun missing = cli("backups", "--dir", stack.resolve("nope").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals("There is no directory " + stack.resolve("nope") + " on local: check --dir.", missing.err().strip());
    }

    @Test
    void historyListsEveryRunNewestFirstOldLinesIncluded() throws Exception {
        Files.createDirectories(stack.resolve(".slipway"));
        Files.writeString(stack.resolve(".slipway/history.jsonl"), ""
                // an early line: no who, no duration, no backup field at all
                + "{\"when\":\"2025-01-01T09:00:00Z\",\"command\":\"install\",\"to\":\"1.0.0\",\"result\":\"succeeded\"}\n"
                + "{\"who\":\"root@laptop\",\"when\":\"2025-01-01T10:00:00Z\",\"command\":\"upgrade\",\"from\":\"1.0.0\","
                + "\"to\":\"2.0.0\",\"result\":\"succeeded\",\"backupId\":\"" + OLD + "\",\"durationMs\":83512,"
                + "\"message\":\"Fixture 2.0.0 is running and healthy.\",\"aFieldFromLater\":true}\n"
                + "{\"who\":\"root@laptop\",\"when\":\"2025-03-01T12:00:00Z\",\"command\":\"backup\",\"from\":\"2.0.0\","
                + "\"to\":\"2.0.0\",\"result\":\"succeeded\",\"backupId\":\"" + NEW + "\",\"durationMs\":4100,\"message\":\"done\"}\n"
                + "{\"who\":\"root@lap");

        CliRun run = cli("history", "--dir", stack.toString(), "--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode list = JSON.readTree(run.out());
        assertEquals(List.of("backup", "upgrade", "install"),
                iterable(list.elements()).stream().map(n -> ((JsonNode) n).get("kind").asText()).toList());
        assertEquals(List.of("when", "who", "kind", "from", "to", "result", "backup", "durationMs", "message"),
                iterable(list.get(0).fieldNames()));
        assertEquals(NEW, list.get(0).get("backup").asText());
        assertEquals(83512, list.get(1).get("durationMs").asLong());
        JsonNode early = list.get(2);
        assertTrue(early.get("who").isNull() && early.get("from").isNull() && early.get("backup").isNull(), early.toString());
        assertEquals(0, early.get("durationMs").asLong());

        CliRun text = cli("history", "--dir", stack.toString());
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("2025-03-01 12:00 UTC  backup 2.0.0: succeeded, 4.1 s, by root@laptop\n   backup "
                + NEW), text.out());
        assertTrue(text.out().contains("2025-01-01 10:00 UTC  upgrade 1.0.0 → 2.0.0: succeeded, 83.5 s, by root@laptop"),
                text.out());
        assertTrue(text.out().contains("2025-01-01 09:00 UTC  install → 1.0.0: succeeded, 0.0 s, by unknown"), text.out());
        assertTrue(text.out().indexOf("backup 2.0.0") < text.out().indexOf("install"), "newest first");
    }

    @Test
    void aDownloadArrivesWholeAndPrivate() throws Exception {
        twoBackups();
        Path to = here.resolve("copies");

        CliRun run = cli("backup", "--dir", stack.toString(), "--download", OLD, "--to", to.toString(), "--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(OLD, result.get("backup").asText());
        assertEquals(to.resolve(OLD).toString(), result.get("directory").asText());
        assertEquals(5, result.get("files").asInt());
        assertTrue(run.err().contains("Downloading postgres.dump (0.0 KB)"), "progress goes to stderr: " + run);
        Path source = stack.resolve("backups").resolve(OLD);
        Path copy = to.resolve(OLD);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy.resolve(f.getFileName())), f.toString());
            }
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve(".env"))));
        assertFalse(Files.exists(to.resolve(OLD + ".partial")));

        CliRun again = cli("backup", "--dir", stack.toString(), "--download", OLD, "--to", to.toString());
        assertEquals(2, again.exitCode(), again.toString());
        assertEquals(copy + " already exists on this computer: remove it, or choose another --to.", again.err().strip());
    }

    @Test
    void aDamagedFileIsNamedAndNothingIsLeftLookingComplete() throws Exception {
        twoBackups();
        Path dump = stack.resolve("backups").resolve(OLD).resolve("postgres.dump");
        Files.writeString(dump, "PGDMP odd"); // same size, other bytes
        Path to = here.resolve("copies");
        Files.createDirectories(to.resolve(OLD + ".partial")); // an earlier download that was cut off

        CliRun run = cli("backup", "--dir", stack.toString(), "--download", OLD, "--to", to.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("The copy of postgres.dump from backup " + OLD + " does not match its manifest (another sha256), so"
                + " the backup on the target may be damaged; nothing was kept in " + to + ".", run.err().strip());
        assertFalse(Files.exists(to.resolve(OLD)));
        assertFalse(Files.exists(to.resolve(OLD + ".partial")));
    }

    @Test
    void badCombinationsAreRefusedBeforeAnything() {
        CliRun unknown = cli("backup", "--dir", stack.toString(), "--download", "nope", "--to", here.toString());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("No backup 'nope' in " + stack + "/backups"), unknown.toString());

        CliRun toAlone = cli("backup", "--dir", stack.toString(), "--to", here.toString());
        assertEquals(2, toAlone.exitCode(), toAlone.toString());
        assertEquals("--to goes with --download ID: the folder a downloaded backup goes into.", toAlone.err().strip());

        CliRun keepNothing = cli("backup", "--dir", stack.toString(), "--keep", "0");
        assertEquals(2, keepNothing.exitCode(), keepNothing.toString());
        assertEquals("--keep must be 1 or more (the backup just taken is always kept), not 0.", keepNothing.err().strip());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        var list = new ArrayList<T>();
        it.forEachRemaining(list::add);
        return list;
    }
}
