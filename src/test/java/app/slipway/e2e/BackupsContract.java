package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup}, {@code backups}, {@code history} and {@code backup --download} on one real fixture
 * stack, shared by the tests in order (an upgrade, a backup, retention, a download); run locally and
 * over SSH by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BackupsContract extends TargetedCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FixtureStack stack;
    private String profile;
    private String backupId;
    @TempDir Path here;

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start("compose.yml", testbed.currentVersion());
        profile = testbed.fixtureProfile().toString();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) stack.close();
    }

    private String dir() {
        return stack.directory().toString();
    }

    private JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.toString());
        return JSON.readTree(run.out());
    }

    @Test
    @Order(1)
    void aBackupIsListedAndTheHistoryShowsItAfterTheUpgrade() throws Exception {
        stack.sql("create table notes(body text); insert into notes values ('in the backup');");
        json(cli("upgrade", "--dir", dir(), "--profile", profile, "--to", testbed.nextVersion(), "--skip-backup",
                "--yes", "--json"));

        JsonNode taken = json(cli("backup", "--dir", dir(), "--profile", profile, "--json"));
        backupId = taken.get("backup").asText();
        assertEquals("backup", taken.get("kind").asText());
        assertEquals("done", taken.get("result").asText());
        assertTrue(backupId.matches("\\d{8}T\\d{6}Z-" + testbed.nextVersion().replace(".", "\\.") + "-manual"), backupId);
        assertEquals(List.of("connect", "read", "preflight", "backup", "retention", "record"),
                kinds(taken.get("steps")));
        assertEquals(0, taken.get("removed").size());

        JsonNode listed = json(cli("backups", "--dir", dir(), "--json"));
        assertEquals(1, listed.size(), listed.toString());
        JsonNode b = listed.get(0);
        assertEquals(backupId, b.get("id").asText());
        assertEquals("manual", b.get("kind").asText());
        assertEquals(testbed.nextVersion(), b.get("version").asText());
        assertEquals("fixture", b.get("contains").get("database").asText());
        assertEquals("web:/data/storage", b.get("contains").get("volumes").get(0).asText());
        assertEquals("passed", b.get("dumpCheck").asText());
        assertTrue(b.get("drill").get("result").isTextual(), b.toString());
        assertTrue(b.get("sizeBytes").asLong() > 0);

        JsonNode history = json(cli("history", "--dir", dir(), "--json"));
        assertEquals(List.of("backup", "upgrade"), field(history, "kind"), history.toString());
        assertEquals(List.of("succeeded", "succeeded"), field(history, "result"));
        assertEquals(backupId, history.get(0).get("backup").asText());
        assertEquals(testbed.currentVersion(), history.get(1).get("from").asText());
        assertEquals(testbed.nextVersion(), history.get(1).get("to").asText());
        assertTrue(history.get(1).get("backup").isNull(), "the upgrade skipped its backup");
        CliRun text = cli("history", "--dir", dir());
        assertTrue(text.out().contains("upgrade " + testbed.currentVersion() + " → " + testbed.nextVersion()
                + ": succeeded"), text.toString());
    }

    @Test
    @Order(2)
    void theRestoreDrillOfThatBackupPassesAndIsListed() throws Exception {
        JsonNode drilled = json(cli("backup", "--dir", dir(), "--profile", profile, "--verify", backupId, "--json"));
        assertEquals(backupId, drilled.get("backup").asText());
        assertEquals("passed", drilled.get("result").asText(), drilled.toString());
        assertTrue(drilled.get("tablesCompared").asInt() >= 1, "the notes table was counted: " + drilled);
        assertEquals(0, drilled.get("mismatches").size());

        JsonNode listed = json(cli("backups", "--dir", dir(), "--json"));
        assertEquals("passed", listed.get(0).get("drill").get("result").asText(), listed.toString());
        CliRun text = cli("backup", "--dir", dir(), "--profile", profile, "--verify", "no-such-backup");
        assertEquals(2, text.exitCode(), text.toString());
        assertEquals(1, text.err().strip().lines().count(), "one sentence:\n" + text);
    }

    @Test
    @Order(3)
    void retentionKeepsTheNewestAndLeavesWhatIsNotABackup() throws Exception {
        Path backups = stack.directory().resolve("backups");
        String older = oldCopy(backups, "20200103T000000Z-" + testbed.currentVersion() + "-manual", "2020-01-03T00:00:00Z");
        String oldest = oldCopy(backups, "20200102T000000Z-" + testbed.legacyVersion() + "-to-x", "2020-01-02T00:00:00Z");
        Files.createDirectories(backups.resolve("20200101T000000Z-half-done")); // no manifest: not a backup

        JsonNode plan = json(cli("plan", "--dir", dir(), "--profile", profile, "--to", testbed.nextVersion(),
                "--keep", "2", "--json"));
        JsonNode retention = step(plan.get("steps"), "retention");
        assertEquals(List.of("rm -rf -- " + backups.resolve(older), "rm -rf -- " + backups.resolve(oldest)),
                commandLines(retention), "the plan names what the upgrade would remove");
        assertTrue(retention.get("details").toString().contains("Frees about"), retention.toString());
        assertTrue(Files.isDirectory(backups.resolve(older)), "planning removes nothing");

        JsonNode taken = json(cli("backup", "--dir", dir(), "--profile", profile, "--keep", "3", "--json"));
        assertEquals(List.of(oldest), List.of(JSON.convertValue(taken.get("removed"), String[].class)));
        assertTrue(taken.get("freedBytes").asLong() > 0);
        assertFalse(Files.exists(backups.resolve(oldest)));
        assertTrue(Files.isDirectory(backups.resolve(older)));
        assertTrue(Files.isDirectory(backups.resolve(backupId)));
        assertTrue(Files.isDirectory(backups.resolve("20200101T000000Z-half-done")));
        assertEquals(List.of(taken.get("backup").asText(), backupId, older),
                field(json(cli("backups", "--dir", dir(), "--json")), "id"));
    }

    @Test
    @Order(4)
    void aDownloadArrivesIntactAndACorruptedFileIsCaught() throws Exception {
        Path source = stack.directory().resolve("backups").resolve(backupId);
        Path to = here.resolve("downloads");

        JsonNode arrived = json(cli("backup", "--dir", dir(), "--download", backupId, "--to", to.toString(), "--json"));

        Path copy = to.resolve(backupId);
        assertEquals(copy.toString(), arrived.get("directory").asText());
        try (var files = Files.list(source)) {
            List<Path> all = files.toList();
            assertEquals(arrived.get("files").asInt() + 1, all.size(), "every file and the manifest");
            for (Path f : all) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy.resolve(f.getFileName())), f.toString());
            }
        }

        Files.writeString(source.resolve("images.json"), " ", StandardOpenOption.APPEND);
        Path again = here.resolve("again");
        CliRun damaged = cli("backup", "--dir", dir(), "--download", backupId, "--to", again.toString());

        assertEquals(3, damaged.exitCode(), damaged.toString());
        assertTrue(damaged.err().startsWith("The copy of images.json from backup " + backupId + " does not match its"
                + " manifest"), damaged.toString());
        assertFalse(Files.exists(again.resolve(backupId)));
        assertFalse(Files.exists(again.resolve(backupId + ".partial")));
    }

    /** A copy of the real backup's manifest in a folder of its own, older, bringing back the version of its name. */
    private String oldCopy(Path backups, String id, String createdAt) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(backups.resolve(backupId).resolve("manifest.json").toFile());
        manifest.put("id", id).put("createdAt", createdAt).put("from", id.split("-")[1]);
        Path folder = Files.createDirectories(backups.resolve(id));
        Files.writeString(folder.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        return id;
    }

    private static JsonNode step(JsonNode steps, String kind) {
        for (JsonNode s : steps) if (s.get("kind").asText().equals(kind)) return s;
        throw new AssertionError("no " + kind + " step in " + steps);
    }

    private static List<String> commandLines(JsonNode step) {
        var lines = new ArrayList<String>();
        step.get("commands").forEach(c -> lines.add(String.join(" ", JSON.convertValue(c.get("argv"), String[].class))));
        return lines;
    }

    private static List<String> kinds(JsonNode steps) {
        return field(steps, "kind");
    }

    private static List<String> field(JsonNode array, String name) {
        var values = new ArrayList<String>();
        array.forEach(n -> values.add(n.get(name).asText()));
        return values;
    }
}
