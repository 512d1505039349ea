package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInProfilesTest {
    private final ProfileLoader loader = new ProfileLoader();

    @Test
    void strataHasItsRealValues() {
        Profile p = loader.load("strata");
        assertEquals("strata", p.source());
        assertEquals("Strata", p.name());
        assertEquals("STRATA_VERSION", p.versionVariable());
        assertEquals(List.of("registry.gitlab.com/stratado/server"), p.images());
        assertEquals(URI.create("http://127.0.0.1:3000/up"), p.health().url());
        assertEquals(URI.create("http://127.0.0.1:8080/up"), p.health().url(Map.of("PORT", "8080")));
        assertEquals(Duration.ofSeconds(180), p.health().timeout());
        var badPort = assertThrows(SlipwayException.class, () -> p.health().url(Map.of("PORT", "abc")));
        assertEquals(ExitCode.BAD_INPUT, badPort.exitCode());
        assertEquals(Map.of("worker", "job"), p.renames());
        assertEquals(List.of("worker"), p.legacyNamesOf("job"));

        PostgresDump pg = p.backup().postgres().orElseThrow();
        assertEquals("db", pg.service());
        assertEquals("strata_production", pg.database());
        assertEquals("postgres", pg.user());
        assertEquals("strata", pg.user(Map.of("DB_USERNAME", "strata")));
        assertEquals(List.of(new VolumeArchive("web", "/rails/storage")), p.backup().volumes());
        assertEquals(List.of(), p.backup().directories());

        ReleaseSource releases = p.requireReleases();
        assertEquals(URI.create("https://api.github.com"), releases.api());

        InstallSpec install = p.requireInstall();
        assertTrue(install.compose().isUrl());
        assertEquals("3000", install.env().get("PORT"));
        assertEquals("80", install.env().get("STRATA_CONTAINER_PORT"));
        assertEquals("false", install.env().get("FORCE_SSL"));
        assertEquals(List.of("STRATA_SECRET_KEY_BASE", "STRATA_ENCRYPTION_PRIMARY_KEY",
                        "STRATA_ENCRYPTION_DETERMINISTIC_KEY", "STRATA_ENCRYPTION_KEY_DERIVATION_SALT"),
                List.copyOf(install.secrets().keySet()));
        assertEquals(SecretKind.HEX64, install.secrets().get("STRATA_SECRET_KEY_BASE"));
        assertEquals(SecretKind.HEX16, install.secrets().get("STRATA_ENCRYPTION_PRIMARY_KEY"));
        assertEquals(SecretKind.HEX16, install.secrets().get("STRATA_ENCRYPTION_DETERMINISTIC_KEY"));
        assertEquals(SecretKind.HEX16, install.secrets().get("STRATA_ENCRYPTION_KEY_DERIVATION_SALT"));
    }

    @Test
    void appstrateHasItsRealValues() {
        Profile p = loader.load("appstrate");
        assertEquals("appstrate", p.source());
        assertEquals("Appstrate", p.name());
        assertEquals("APPSTRATE_VERSION", p.versionVariable());
        assertEquals(List.of("ghcr.io/appstrate/appstrate", "ghcr.io/appstrate/appstrate-pi",
                "ghcr.io/appstrate/appstrate-sidecar"), p.images());
        assertEquals(URI.create("http://127.0.0.1:3000/health"), p.health().url());
        assertEquals(Duration.ofSeconds(180), p.health().timeout());
        assertEquals(Map.of(), p.renames());

        PostgresDump pg = p.backup().postgres().orElseThrow();
        assertEquals("postgres", pg.service());
        assertEquals("appstrate", pg.database());
        assertEquals("appstrate", pg.user());
        assertEquals("admin", pg.user(Map.of("POSTGRES_USER", "admin")));
        assertEquals(List.of(new VolumeArchive("appstrate", "/data/storage")), p.backup().volumes());
        assertEquals(List.of("data/pglite"), p.backup().directories());

        ReleaseSource releases = p.requireReleases();
        assertEquals("appstrate/appstrate", releases.github());
        assertEquals("appstrate", releases.owner());
        assertEquals("appstrate", releases.repo());
        assertEquals(URI.create("https://api.github.com"), releases.api());
        assertEquals(Optional.of(URI.create("https://raw.githubusercontent.com/appstrate/appstrate/main/CHANGELOG.md")),
                releases.changelog());

        InstallSpec install = p.requireInstall();
        assertEquals(Optional.of(URI.create(
                "https://raw.githubusercontent.com/appstrate/appstrate/main/examples/self-hosting/docker-compose.tier2.yml")),
                install.compose().url());
        assertEquals("3000", install.env().get("PORT"));
        assertEquals("appstrate", install.env().get("POSTGRES_USER"));
        assertEquals(Map.of(
                "BETTER_AUTH_SECRET", SecretKind.HEX32,
                "UPLOAD_SIGNING_SECRET", SecretKind.HEX32,
                "CONNECTION_ENCRYPTION_KEY", SecretKind.BASE64_32,
                "RUN_TOKEN_SECRET", SecretKind.HEX32,
                "CONNECT_SESSION_SECRET", SecretKind.HEX32,
                "POSTGRES_PASSWORD", SecretKind.BASE64URL_24), install.secrets());
    }

    @Test
    void builtInNamesAreCaseInsensitiveAndListed() {
        assertEquals(List.of("strata", "appstrate"), loader.builtInNames());
        assertEquals("Strata", loader.load("STRATA").name());
        assertEquals("Appstrate", loader.load(" AppStrate ").name());
        assertEquals(List.of("Strata", "Appstrate"), loader.builtIns().stream().map(Profile::name).toList());
    }

    @Test
    void builtInImagesParse() {
        for (Profile p : loader.builtIns()) {
            for (ImageRef ref : p.imageRefs()) {
                assertTrue(ref.tag().isEmpty() && ref.digest().isEmpty(), ref.toString());
            }
        }
    }
}
