package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The row counts and the drill record in {@code manifest.json}. */
class DrillManifestTest {
    static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    static BackupManifest withCounts(String id) {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("public.orders", 50L);
        counts.put("s2.\"Mixed Case\"", 0L);
        return new BackupManifest(id, "Fixture", "2.0.0", "2.1.0", AT, "docker-compose.yml", Optional.of(".env"),
                List.of(new BackupFile("postgres.dump", 9, "b".repeat(64))),
                Optional.of(new DatabaseEntry("db", "fixture", "postgres", "postgres.dump", Optional.of(counts))),
                List.of(), List.of());
    }

    static DrillResult failed(String id) {
        return new DrillResult(id, false, AT.plusSeconds(60), Duration.ofMillis(4200), "postgres:15 (4f0ef01008ef)", 2, 49,
                List.of(new RowMismatch("public.orders", Optional.of(50L), Optional.of(49L)),
                        new RowMismatch("public.gone", Optional.of(1L), Optional.empty())),
                "Backup " + id + " failed its restore drill: 2 of 3 tables hold other rows than when it was dumped.");
    }

    @Test
    void rowCountsAndTheDrillRoundTrip() {
        BackupManifest m = withCounts("b1").withDrill(failed("b1"));
        assertEquals(m, ManifestJson.read(ManifestJson.write(m)));
        assertEquals(Map.of("public.orders", 50L, "s2.\"Mixed Case\"", 0L),
                ManifestJson.read(ManifestJson.write(m)).database().orElseThrow().rowCounts().orElseThrow());
    }

    @Test
    void aBackupWithoutCountsOrDrillReadsAsSuch() {
        BackupManifest old = ManifestJsonTest.sample("b0", AT);
        BackupManifest read = ManifestJson.read(ManifestJson.write(old));
        assertTrue(read.drill().isEmpty());
        assertTrue(read.database().orElseThrow().rowCounts().isEmpty(), "absent is not the same as no tables");
        String json = new String(ManifestJson.write(old), StandardCharsets.UTF_8);
        assertTrue(!json.contains("drill") && !json.contains("rowCounts"), "an undrilled manifest keeps its layout:\n" + json);
    }

    @Test
    void recordingADrillKeepsEveryOtherKeyAndTheFileList() throws Exception {
        byte[] written = ManifestJson.write(withCounts("b2"));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(written);
        tree.put("keepRule", "written by a newer Slipway");
        byte[] withUnknown = new ObjectMapper().writeValueAsBytes(tree);

        byte[] recorded = ManifestJson.withDrill(withUnknown, failed("b2"));

        var after = new ObjectMapper().readTree(recorded);
        assertEquals("written by a newer Slipway", after.get("keepRule").asText());
        assertEquals("failed", after.get("drill").get("result").asText());
        assertEquals(49, after.get("drill").get("mismatches").get(0).get("restored").asInt());
        assertTrue(after.get("drill").get("mismatches").get(1).get("restored").isNull());
        BackupManifest read = ManifestJson.read(recorded);
        assertEquals(withCounts("b2").files(), read.files(), "the files and their checksums are untouched");
        assertEquals(failed("b2"), read.drill().orElseThrow());
    }

    @Test
    void aDrillRecordThisVersionCannotReadIsNoDrill() {
        String json = new String(ManifestJson.write(withCounts("b3")), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"drill\": {\"result\": 7},");
        BackupManifest read = ManifestJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.drill().isEmpty());
        assertEquals("b3", read.id());
    }

    @Test
    void aPinIsTheTagAndTheDigestOfItsOwnRepository() {
        String digest = "sha256:" + "d".repeat(64);
        assertEquals(Optional.of("127.0.0.1:5555/a/app:2.0.0@" + digest), new RunningImage("web", "c", "127.0.0.1:5555/a/app:2.0.0",
                "sha256:1", Optional.of("127.0.0.1:5555/a/app@" + digest)).pin());
        assertEquals(Optional.of("postgres:15@" + digest), new RunningImage("db", "c", "postgres:15", "sha256:1",
                Optional.of("postgres@" + digest)).pin());
        assertEquals(Optional.of("busybox:latest@" + digest), new RunningImage("x", "c", "busybox", "sha256:1",
                Optional.of("docker.io/library/busybox@" + digest)).pin());
        assertEquals(Optional.empty(), new RunningImage("web", "c", "a/app:1", "sha256:1",
                Optional.of("other/app@" + digest)).pin(), "another repository's digest pins nothing");
        assertEquals(Optional.empty(), new RunningImage("web", "c", "a/app:1", "sha256:1", Optional.empty()).pin());
    }
}
