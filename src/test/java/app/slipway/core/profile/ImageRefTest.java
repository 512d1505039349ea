package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
    private static final String SHA = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        // reference                                        registry              repository               tag          digest
        "ghcr.io/appstrate/appstrate:v1.4.2,                ghcr.io,              appstrate/appstrate,     v1.4.2,      -",
        "ghcr.io/appstrate/appstrate-pi:1.0.0-beta.59,      ghcr.io,              appstrate/appstrate-pi,  1.0.0-beta.59, -",
        "registry.gitlab.com/stratado/server@" + SHA + ",   registry.gitlab.com,  stratado/server,         -,           " + SHA,
        "registry.gitlab.com/stratado/server:1.2.0@" + SHA + ", registry.gitlab.com, stratado/server,      1.2.0,       " + SHA,
        "127.0.0.1:5555/slipway-fixture/app:2.0.0,          127.0.0.1:5555,       slipway-fixture/app,     2.0.0,       -",
        "127.0.0.1:5555/slipway-fixture/app,                127.0.0.1:5555,       slipway-fixture/app,     -,           -",
        "localhost:5000/app@" + SHA + ",                    localhost:5000,       app,                     -,           " + SHA,
        "localhost/app:latest,                              localhost,            app,                     latest,      -",
        "docker.io/library/postgres:16,                     docker.io,            library/postgres,        16,          -",
        "postgres:16,                                       docker.io,            library/postgres,        16,          -",
        "postgres,                                          docker.io,            library/postgres,        -,           -",
        "library/postgres:16.8-alpine,                      docker.io,            library/postgres,        16.8-alpine, -",
        "docker.io/postgres,                                docker.io,            library/postgres,        -,           -",
        "index.docker.io/library/redis:7,                   docker.io,            library/redis,           7,           -",
        "minio/minio:RELEASE.2025-03-12T18-04-18Z,          docker.io,            minio/minio,             RELEASE.2025-03-12T18-04-18Z, -",
        "quay.io/minio/mc:RELEASE.2025-03-12T17-29-24Z@" + SHA + ", quay.io,      minio/mc,                RELEASE.2025-03-12T17-29-24Z, " + SHA,
        "GHCR.IO/appstrate/appstrate,                       ghcr.io,              appstrate/appstrate,     -,           -",
        "[::1]:5000/ns/app:1,                               [::1]:5000,           ns/app,                  1,           -",
        "my-registry.example.com:443/a/b/c:tag_1,           my-registry.example.com:443, a/b/c,            tag_1,       -",
    })
    void parsesRegistryRepositoryTagAndDigest(String ref, String registry, String repository, String tag, String digest) {
        ImageRef image = ImageRef.parse(ref);
        assertEquals(registry, image.registry());
        assertEquals(repository, image.repository());
        assertEquals(Optional.ofNullable(tag), image.tag());
        assertEquals(Optional.ofNullable(digest), image.digest());
        assertEquals(registry + "/" + repository, image.repositoryWithRegistry());
    }

    @Test
    void dockerHubSpellingsAreTheSameRepository() {
        ImageRef a = ImageRef.parse("docker.io/library/postgres:16");
        ImageRef b = ImageRef.parse("postgres");
        ImageRef c = ImageRef.parse("registry-1.docker.io/library/postgres@" + SHA);
        assertTrue(a.sameRepository(b));
        assertTrue(b.sameRepository(c));
        assertEquals("postgres", a.familiarRepository());
        assertEquals("minio/minio", ImageRef.parse("minio/minio").familiarRepository());
        assertEquals("ghcr.io/appstrate/appstrate", ImageRef.parse("ghcr.io/appstrate/appstrate:1").familiarRepository());
    }

    @Test
    void aRegistryPortIsNotATag() {
        ImageRef image = ImageRef.parse("127.0.0.1:5555/slipway-fixture/app");
        assertTrue(image.tag().isEmpty());
        assertFalse(image.sameRepository(ImageRef.parse("127.0.0.1:5556/slipway-fixture/app")));
    }

    @Test
    void withTagAndReference() {
        ImageRef pinned = ImageRef.parse("127.0.0.1:5555/slipway-fixture/app@" + SHA).withTag("2.0.0");
        assertEquals("127.0.0.1:5555/slipway-fixture/app:2.0.0", pinned.reference());
        assertEquals("docker.io/library/postgres:16", ImageRef.parse("postgres:16").toString());
        assertEquals(ImageRef.parse("postgres:16"), ImageRef.parse("docker.io/library/postgres:16"));
        var e = assertThrows(SlipwayException.class, () -> pinned.withTag("bad tag"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Upper/Case:1", "ghcr.io/app:", "ghcr.io//app", "app:tag with space",
            "ghcr.io/app@sha256:xyz", "ghcr.io/app:-leadingdash", "app:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "/app", "ghcr.io/"})
    void rejectsInvalidReferences(String ref) {
        assertTrue(ImageRef.tryParse(ref).isEmpty(), ref);
        var e = assertThrows(SlipwayException.class, () -> ImageRef.parse(ref));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }
}
