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
        assertEquals(Map.of("strata", "web", "jobs", "job", "worker", "job"), p.renames());
        assertEquals(List.of("jobs", "worker"), p.legacyNamesOf("job"));
        assertEquals(List.of("ghcr.io/stratasite/strata"), p.formerImages());
        assertTrue(p.ownsImage(app.slipway.core.profile.ImageRef.parse("ghcr.io/stratasite/strata:0.9.1")));

        // External database (DB_HOST set): dumped from outside, by a client container, password from .env.
        var external = Map.of("DB_HOST", "db.internal", "DB_USERNAME", "strata");
        BackupSpec ext = p.backup().forStack(external, List.of("web", "job"));
        PostgresDump pg = ext.postgres().orElseThrow();
        assertTrue(pg.isExternal());
        assertEquals("strata_production", pg.database());
        assertEquals("strata", pg.user(external));
        assertEquals("db.internal", pg.external().orElseThrow().host(external));
        assertEquals("5432", pg.external().orElseThrow().port(external));
        assertEquals("DB_PASSWORD", pg.external().orElseThrow().passwordVariable());
        assertEquals(List.of(new VolumeArchive("web", "/rails/storage"), new VolumeArchive("web", "/data", false,
                ext.volumes().get(1).when())), ext.volumes(), "strata_storage and strata_data, web running");
        // Bundled database (DB_HOST empty): its files in strata_data, copied with web stopped.
        BackupSpec bundled = p.backup().forStack(Map.of("DB_HOST", ""), List.of("web"));
        assertTrue(bundled.postgres().isEmpty());
        assertEquals(List.of("/rails/storage", "/data"), bundled.volumes().stream().map(VolumeArchive::path).toList());
        assertTrue(bundled.volumes().get(1).stopped());
        assertEquals(List.of(), p.backup().directories());

        assertTrue(p.releases().isEmpty(), "Strata publishes no release feed: versions come from the registry");

        InstallSpec install = p.requireInstall();
        assertEquals(java.util.Optional.of("profiles/strata/external.yml"), install.composeFor(external, List.of()).resource());
        assertEquals(java.util.Optional.of("profiles/strata/bundled.yml"), install.composeFor(Map.of(), List.of()).resource());
        assertTrue(install.upgradeWritesTemplate(install.compose()), "Strata's installer rewrites the file on every run");
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
                "ghcr.io/appstrate/appstrate-sidecar", "ghcr.io/appstrate/appstrate-mcp-runner-node",
                "ghcr.io/appstrate/appstrate-mcp-runner-python", "ghcr.io/appstrate/appstrate-mcp-runner-bun",
                "ghcr.io/appstrate/appstrate-mcp-runner-uv", "ghcr.io/appstrate/appstrate-mcp-runner-binary"), p.images());
        assertEquals(URI.create("http://127.0.0.1:3000/"), p.health().url());
        assertEquals(Duration.ofSeconds(180), p.health().timeout());
        assertEquals(Map.of(), p.renames());

        PostgresDump pg = p.backup().postgres().orElseThrow();
        assertEquals("postgres", pg.service());
        assertEquals("appstrate", pg.database());
        assertEquals("appstrate", pg.user());
        assertEquals("admin", pg.user(Map.of("POSTGRES_USER", "admin")));
        assertEquals(List.of("appstrate:/data/storage", "redis:/data"), p.backup()
                .forStack(Map.of(), List.of("postgres", "redis", "appstrate")).volumes().stream()
                .map(v -> v.service() + ":" + v.path()).toList(), "tier 2");
        assertEquals(List.of("minio:/data", "redis:/data"), p.backup()
                .forStack(Map.of(), List.of("postgres", "redis", "minio", "appstrate")).volumes().stream()
                .map(v -> v.service() + ":" + v.path()).toList(), "tier 3 keeps uploads in MinIO");
        assertEquals(List.of("data/pglite"), p.backup().directories());

        ReleaseSource releases = p.requireReleases();
        assertEquals("appstrate/appstrate", releases.github());
        assertEquals("appstrate", releases.owner());
        assertEquals("appstrate", releases.repo());
        assertEquals(URI.create("https://api.github.com"), releases.api());
        assertEquals(Optional.of(URI.create("https://raw.githubusercontent.com/appstrate/appstrate/main/CHANGELOG.md")),
                releases.changelog());

        InstallSpec install = p.requireInstall();
        assertTrue(install.compose().versioned(), "each release has its own templates");
        String base = "https://raw.githubusercontent.com/appstrate/appstrate/v1.0.0-beta.51/examples/self-hosting/";
        assertEquals(Optional.of(URI.create(base + "docker-compose.tier2.yml")), install.compose().at("1.0.0-beta.51").url());
        assertEquals(Optional.of(URI.create(base + "docker-compose.tier3.yml")),
                install.composeFor(Map.of(), List.of("postgres", "redis", "minio")).at("1.0.0-beta.51").url());
        assertEquals(Optional.of(URI.create(base + "docker-compose.tier1.yml")),
                install.composeFor(Map.of(), List.of("postgres", "appstrate")).at("1.0.0-beta.51").url());
        assertEquals("true", install.env().get("AUTH_DISABLE_SIGNUP"));
        assertEquals("3000", install.env().get("PORT"));
        assertEquals("appstrate", install.env().get("POSTGRES_USER"));
        assertEquals(Map.of(
                "BETTER_AUTH_SECRET", SecretKind.HEX32,
                "UPLOAD_SIGNING_SECRET", SecretKind.HEX32,
                "CONNECTION_ENCRYPTION_KEY", SecretKind.BASE64_32,
                "RUN_TOKEN_SECRET", SecretKind.HEX32,
                "CONNECT_SESSION_SECRET", SecretKind.HEX32,
                "POSTGRES_PASSWORD", SecretKind.BASE64URL_24,
                "MINIO_ROOT_PASSWORD", SecretKind.BASE64URL_24,
                "AUTH_BOOTSTRAP_TOKEN", SecretKind.BASE64URL_32), install.secrets());
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
