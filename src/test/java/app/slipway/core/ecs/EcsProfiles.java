package app.slipway.core.ecs;

import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small product profile for ECS tests: two lockstep images, a former repository, a health path. */
final class EcsProfiles {
    static final String WEB = "registry.example.com/acme/server";
    static final String WORKER = "registry.example.com/acme/worker";
    static final String FORMER = "registry.old.example.com/acme/server";

    private EcsProfiles() {}

    static Profile acme(Path dir) {
        try {
            Path file = dir.resolve("acme.yml");
            Files.writeString(file, """
                    name: Acme
                    version_variable: ACME_VERSION
                    images:
                      - %s
                      - %s
                    former_images:
                      - %s
                    health:
                      url: http://127.0.0.1:3000/up
                      timeout: 30s
                    """.formatted(WEB, WORKER, FORMER));
            return new ProfileLoader().loadFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
