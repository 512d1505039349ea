package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDetectorTest {
    private static final String SHA = "sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    private final ProfileLoader loader = new ProfileLoader();

    private Profile fixture(String name, String... images) throws IOException {
        var yaml = new StringBuilder("name: " + name + "\nversion_variable: FIXTURE_VERSION\nimages:\n");
        for (String image : images) yaml.append("  - ").append(image).append('\n');
        yaml.append("health: {url: \"http://127.0.0.1:18080/up\"}\n");
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, yaml);
        return loader.loadFile(file);
    }

    private static Optional<String> nameOf(Optional<Profile> p) {
        return p.map(Profile::name);
    }

    @Test
    void detectsStrataFromARunningStack() {
        var detector = ProfileDetector.withBuiltIns(loader);
        assertEquals(Optional.of("Strata"), nameOf(detector.detect(List.of(
                "registry.gitlab.com/stratado/server:1.0.0",
                "registry.gitlab.com/stratado/server@" + SHA))));
    }

    @Test
    void detectsAppstrateAmongInfrastructureImages() {
        var detector = ProfileDetector.withBuiltIns(loader);
        assertEquals(Optional.of("Appstrate"), nameOf(detector.detect(List.of(
                "docker.io/library/postgres:16",
                "redis:7-alpine",
                "ghcr.io/appstrate/appstrate:v1.4.2",
                "ghcr.io/appstrate/appstrate-pi:1.4.2"))));
    }

    @Test
    void detectsFromComposeImageLinesThatStillHoldVariables() {
        var detector = ProfileDetector.withBuiltIns(loader);
        assertEquals(Optional.of("Appstrate"), nameOf(detector.detect(List.of(
                "ghcr.io/appstrate/appstrate:${APPSTRATE_VERSION:-latest}",
                "ghcr.io/appstrate/appstrate-sidecar:${APPSTRATE_VERSION}"))));
        assertEquals(Optional.of("Strata"), nameOf(detector.detect(List.of(
                "${STRATA_REGISTRY:-registry.gitlab.com}/stratado/server:${STRATA_VERSION:-latest}"))));
    }

    @Test
    void detectsAFixtureProfileFileOnARegistryWithAPort() throws IOException {
        Profile fixture = fixture("Fixture", "127.0.0.1:5555/slipway-fixture/app");
        var detector = ProfileDetector.withBuiltIns(loader, fixture);
        Optional<Profile> found = detector.detect(List.of("127.0.0.1:5555/slipway-fixture/app:2.0.0", "postgres:16"));
        assertEquals(Optional.of(fixture), found);
        assertEquals(Optional.of("Strata"), nameOf(detector.detect(List.of("registry.gitlab.com/stratado/server:1"))));
        // Same path on another registry port is another repository.
        assertTrue(detector.detect(List.of("127.0.0.1:5556/slipway-fixture/app:2.0.0")).isEmpty());
    }

    @Test
    void dockerHubSpellingsMatch() throws IOException {
        Profile hub = fixture("Hub", "docker.io/library/nginx");
        var detector = new ProfileDetector(List.of(hub));
        assertEquals(Optional.of(hub), detector.detect(List.of("nginx:1.27")));
        assertEquals(Optional.of(hub), detector.detect(List.of("index.docker.io/library/nginx@" + SHA)));
    }

    @Test
    void noMatchIsEmpty() {
        var detector = ProfileDetector.withBuiltIns(loader);
        assertTrue(detector.detect(List.of("postgres:16", "redis:7", "ghcr.io/other/app:1")).isEmpty());
        assertTrue(detector.detect(List.of()).isEmpty());
        // Unparseable references (bare image ids, garbage) are skipped, not fatal.
        assertTrue(detector.detect(java.util.Arrays.asList("not a ref", null, "Weird/UPPER:x y")).isEmpty());
    }

    @Test
    void ambiguityGoesToTheProfileWithMostMatches() throws IOException {
        Profile partial = fixture("PartialAppstrate", "ghcr.io/appstrate/appstrate", "ghcr.io/other/thing");
        var detector = ProfileDetector.withBuiltIns(loader, partial);
        // Both claim ghcr.io/appstrate/appstrate; the built-in also owns -pi and -sidecar.
        assertEquals(Optional.of("Appstrate"), nameOf(detector.detect(List.of(
                "ghcr.io/appstrate/appstrate:1.4.2",
                "ghcr.io/appstrate/appstrate-pi:1.4.2",
                "ghcr.io/appstrate/appstrate-sidecar:1.4.2"))));
        // Here the fixture matches two repositories, the built-in one.
        assertEquals(Optional.of(partial), detector.detect(List.of(
                "ghcr.io/appstrate/appstrate:1.4.2", "ghcr.io/other/thing:9")));
    }

    @Test
    void aTieGoesToTheProfileTheUserGave() throws IOException {
        Profile mine = fixture("MyStrata", "registry.gitlab.com/stratado/server");
        var detector = ProfileDetector.withBuiltIns(loader, mine);
        assertEquals(Optional.of(mine), detector.detect(List.of("registry.gitlab.com/stratado/server:1.0.0")));
    }

    @Test
    void countsDistinctRepositoriesNotContainers() throws IOException {
        Profile a = fixture("A", "example.com/a/web");
        Profile b = fixture("B", "example.com/a/web", "example.com/a/job");
        var images = List.of("example.com/a/web:1", "example.com/a/web:1", "example.com/a/web@" + SHA, "example.com/a/job:1");
        assertEquals(1, ProfileDetector.matchCount(a, images.stream().map(ImageRef::parse).toList()));
        assertEquals(2, ProfileDetector.matchCount(b, images.stream().map(ImageRef::parse).toList()));
        assertEquals(Optional.of(b), new ProfileDetector(List.of(a, b)).detect(images));
    }
}
