package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.releases.FakeGitHub;
import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases from a fake GitHub, images checked against the real testbed registry (1.0.0, 2.0.0, 2.1.0, 3.0.0). */
class VersionsCommandTest {
    @TempDir Path dir;
    private FakeGitHub github;

    @BeforeEach
    void start() throws Exception {
        Testbed.require();
        github = new FakeGitHub()
                .release("v3.1.0", "Not built yet", "- soon", false, false, "2026-11-20T10:00:00Z")
                .release("v3.0.0", "Three", "- feat!: big", false, false, "2026-11-01T10:00:00Z")
                .release("3.0.0-rc.1", "RC", "- rc", true, false, "2026-10-20T10:00:00Z")
                .release("v2.1.0", "Two one", "- more", false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", "- job", false, false, "2026-09-01T10:00:00Z")
                .release("v1.0.0", "One", "- first", false, false, "2026-06-01T10:00:00Z");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private NotesCommandTest.Run versions(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--profile", NotesCommandTest.profile(dir, github.api(), false).toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return NotesCommandTest.run(new VersionsCommand(), args.toArray(String[]::new));
    }

    @Test
    void tableOffersOnlyVersionsWhoseImagesExist() throws Exception {
        NotesCommandTest.Run run = versions();

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("""
                VERSION          PUBLISHED   NOTES-URL
                v3.0.0 (latest)  2026-11-01  https://github.com/acme/app/releases/tag/v3.0.0
                v2.1.0           2026-10-01  https://github.com/acme/app/releases/tag/v2.1.0
                v2.0.0           2026-09-01  https://github.com/acme/app/releases/tag/v2.0.0
                v1.0.0           2026-06-01  https://github.com/acme/app/releases/tag/v1.0.0
                """, run.out());
        assertEquals("Not offered because their images are missing from the registry: v3.1.0, 3.0.0-rc.1.\n", run.err());
    }

    @Test
    void jsonIsAnArray() throws Exception {
        NotesCommandTest.Run run = versions("--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(4, array.size());
        JsonNode first = array.get(0);
        assertEquals("3.0.0", first.get("version").asText());
        assertEquals("v3.0.0", first.get("tag").asText());
        assertTrue(first.get("latest").asBoolean());
        assertEquals(false, first.get("prerelease").asBoolean());
        assertEquals("2026-11-01T10:00:00Z", first.get("published").asText());
        assertEquals("https://github.com/acme/app/releases/tag/v3.0.0", first.get("notesUrl").asText());
        assertEquals(false, array.get(1).get("latest").asBoolean());
    }

    @Test
    void prereleaseWithAnImageIsMarked() throws Exception {
        github.close();
        github = new FakeGitHub()
                .release("3.0.0", "Three", "", true, false, "2026-11-01T10:00:00Z")
                .release("2.1.0", "Two one", "", false, false, "2026-10-01T10:00:00Z");
        NotesCommandTest.Run run = versions();
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("2.1.0 (latest)"), run.out());
        assertTrue(run.out().contains("3.0.0 (prerelease)"), run.out());
    }
}
