package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFileTest {
    @TempDir
    Path dir;

    static final String FULL = """
            name: Fixture App
            version_variable: FIXTURE_VERSION
            images:
              - 127.0.0.1:5555/slipway-fixture/app
              - 127.0.0.1:5555/slipway-fixture/worker
            health:
              url: http://127.0.0.1:18080/healthz
              timeout: 3m
            renames:
              worker: job
              scheduler: cron
            backup:
              postgres: {service: db, database: fixture, user: fixture}
              volumes:
                - {service: web, path: /srv/storage}
              directories: [data/pglite, ./data/uploads/]
            releases:
              github: slipway-test/fixture
              api: http://127.0.0.1:18999/
              changelog: http://127.0.0.1:18999/CHANGELOG.md
            install:
              compose: compose/docker-compose.yml
              env:
                ZETA: "1"
                PORT: "3000"
                MODE: 0755
                RATIO: 1.10
                FLAG: true
                EMPTY:
                ALPHA: plain text
              secrets:
                SECRET_B: hex32
                SECRET_A: alnum32
                DB_PASSWORD: base64url-24
            future_key: {anything: [1, 2, 3]}
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void loadsEveryFieldOfAProfileFile() throws IOException {
        Path file = write("profiles/fixture.yml", FULL);
        Profile p = new ProfileLoader().load(file.toString());

        assertEquals(file.toAbsolutePath().normalize().toString(), p.source());
        assertEquals("Fixture App", p.name());
        assertEquals("FIXTURE_VERSION", p.versionVariable());
        assertEquals(List.of("127.0.0.1:5555/slipway-fixture/app", "127.0.0.1:5555/slipway-fixture/worker"), p.images());
        assertEquals(URI.create("http://127.0.0.1:18080/healthz"), p.health().url());
        assertEquals(Duration.ofMinutes(3), p.health().timeout());
        assertEquals(List.of("worker", "scheduler"), List.copyOf(p.renames().keySet()));
        assertEquals(new PostgresDump("db", "fixture", "fixture"), p.backup().postgres().orElseThrow());
        assertEquals(List.of(new VolumeArchive("web", "/srv/storage")), p.backup().volumes());
        assertEquals(List.of("data/pglite", "data/uploads"), p.backup().directories());

        ReleaseSource r = p.requireReleases();
        assertEquals("slipway-test/fixture", r.github());
        assertEquals(URI.create("http://127.0.0.1:18999"), r.api());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:18999/CHANGELOG.md")), r.changelog());
    }

    @Test
    void relativeComposePathIsResolvedAgainstTheProfileDirectory() throws IOException {
        Path file = write("profiles/fixture.yml", FULL);
        // Load through a relative path from another working directory: resolution follows the file.
        Profile p = new ProfileLoader(dir).load("profiles/fixture.yml");
        ComposeSource compose = p.requireInstall().compose();
        assertFalse(compose.isUrl());
        assertEquals("compose/docker-compose.yml", compose.raw());
        assertEquals(Optional.of(dir.resolve("profiles/compose/docker-compose.yml").toAbsolutePath().normalize()),
                compose.path());
        assertTrue(compose.path().orElseThrow().isAbsolute());
        assertEquals(file.getParent().resolve("compose/docker-compose.yml").toAbsolutePath().normalize().toString(),
                compose.location());
    }

    @Test
    void parentRelativeAndAbsoluteComposePathsWork() throws IOException {
        Path up = write("a/b/p.yml", minimal() + "install:\n  compose: ../shared/compose.yml\n");
        assertEquals(dir.resolve("a/shared/compose.yml").toAbsolutePath().normalize(),
                new ProfileLoader().loadFile(up).requireInstall().compose().path().orElseThrow());

        Path absoluteTarget = dir.resolve("elsewhere/compose.yml").toAbsolutePath();
        Path abs = write("abs.yml", minimal() + "install:\n  compose: " + absoluteTarget + "\n");
        assertEquals(absoluteTarget, new ProfileLoader().loadFile(abs).requireInstall().compose().path().orElseThrow());
    }

    @Test
    void urlComposeIsKeptAsAUri() throws IOException {
        Path file = write("u.yml", minimal() + "install:\n  compose: HTTPS://example.com/docker-compose.yml\n");
        ComposeSource compose = new ProfileLoader().loadFile(file).requireInstall().compose();
        assertTrue(compose.isUrl());
        assertEquals(Optional.of(URI.create("HTTPS://example.com/docker-compose.yml")), compose.url());
        assertTrue(compose.path().isEmpty());
    }

    @Test
    void envValuesStayTextExactlyAsWrittenAndKeepTheirOrder() throws IOException {
        Profile p = new ProfileLoader().loadFile(write("f.yml", FULL));
        Map<String, String> env = p.requireInstall().env();
        assertEquals(List.of("ZETA", "PORT", "MODE", "RATIO", "FLAG", "EMPTY", "ALPHA"), List.copyOf(env.keySet()));
        assertEquals("1", env.get("ZETA"));
        assertEquals("3000", env.get("PORT"));
        assertEquals("0755", env.get("MODE"));
        assertEquals("1.10", env.get("RATIO"));
        assertEquals("true", env.get("FLAG"));
        assertEquals("", env.get("EMPTY"));
        assertEquals("plain text", env.get("ALPHA"));

        Map<String, SecretKind> secrets = p.requireInstall().secrets();
        assertEquals(List.of("SECRET_B", "SECRET_A", "DB_PASSWORD"), List.copyOf(secrets.keySet()));
        assertEquals(SecretKind.ALNUM32, secrets.get("SECRET_A"));
    }

    @Test
    void optionalSectionsDefault() throws IOException {
        Profile p = new ProfileLoader().loadFile(write("m.yml", minimal()));
        assertEquals(HealthCheck.DEFAULT_TIMEOUT, p.health().timeout());
        assertTrue(p.renames().isEmpty());
        assertTrue(p.backup().isEmpty());
        assertTrue(p.releases().isEmpty());
        assertTrue(p.install().isEmpty());
        assertEquals(URI.create("https://api.github.com"),
                new ProfileLoader().loadFile(write("r.yml", minimal() + "releases: {github: o/r}\n"))
                        .requireReleases().api());
    }

    @Test
    void timeoutAcceptsBareSecondsAndQuotedForms() throws IOException {
        String base = "name: X\nversion_variable: V\nimages: [x/y]\nhealth:\n  url: http://127.0.0.1/\n  timeout: ";
        assertEquals(Duration.ofSeconds(90), new ProfileLoader().loadFile(write("t1.yml", base + "90\n")).health().timeout());
        assertEquals(Duration.ofSeconds(180), new ProfileLoader().loadFile(write("t2.yml", base + "\"180s\"\n")).health().timeout());
    }

    static String minimal() {
        return """
                name: Minimal
                version_variable: APP_VERSION
                images: [example/app]
                health: {url: "http://127.0.0.1:8080/up"}
                """;
    }
}
