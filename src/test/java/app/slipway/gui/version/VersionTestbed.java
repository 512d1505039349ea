package app.slipway.gui.version;

import app.slipway.core.Connection;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.releases.FakeGitHub;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.LocalTarget;
import app.slipway.gui.shell.Navigator;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Version page tests share: GitHub played by a local server (the only thing not real), the
 * fixture profile pointed at it, the testbed's registry (tags 1.0.0, 2.0.0, 2.1.0, 3.0.0) and real
 * inspected stacks.
 */
final class VersionTestbed {
    private VersionTestbed() {}

    static final String BODY_3_0_0 = "- feat!: new storage layout\n- fix: faster boot";
    static final String BODY_2_1_0 = """
            ## What's Changed
            Workers now default to 4.

            <script>alert('owned')</script>

            | Setting | Old | New |
            |---------|-----|-----|
            | `workers` | 2 | 4 |
            """;
    static final String BODY_2_0_0 = """
            ## Highlights
            - The `worker` service is now `job`

            ### Breaking changes
            - Postgres 16 is required
            """;

    /**
     * Releases as GitHub lists them, newest first: 3.1.0-rc.1 and 2.2.0 have no images in the
     * registry, the others do.
     */
    static FakeGitHub standardReleases(boolean threeIsPrerelease) throws IOException {
        return new FakeGitHub()
                .release("v3.1.0-rc.1", "Three one RC", "- rc notes", true, false, "2026-11-20T10:00:00Z")
                .release("v3.0.0", "Three", BODY_3_0_0, threeIsPrerelease, false, "2026-11-01T10:00:00Z")
                .release("v2.2.0", "Two two, never built", "- Only on GitHub", false, false, "2026-10-15T10:00:00Z")
                .release("v2.1.0", "Two one", BODY_2_1_0, false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", BODY_2_0_0, false, false, "2026-09-01T10:00:00Z")
                .release("v1.0.0", "One", "- First release", false, false, "2026-06-01T10:00:00Z");
    }

    /**
     * The fixture's profile (testbed/fixture/profile.yml) with its releases read from {@code api}, or
     * without a releases section; the fixture's compose file beside it as the profile expects.
     */
    static Path profileFile(Path dir, Optional<URI> api) throws IOException {
        Path fixture = Testbed.require().fixtureProfile();
        Files.createDirectories(dir);
        String text = Files.readString(fixture);
        String releases = text.substring(text.indexOf("releases:"), text.indexOf("install:"));
        String replaced = api.map(a -> "releases:\n  github: " + FakeGitHub.REPO + "\n  api: " + a + "\n").orElse("");
        Files.writeString(dir.resolve("profile.yml"), text.replace(releases, replaced));
        Files.copy(fixture.resolveSibling("compose.yml"), dir.resolve("compose.yml"));
        return dir.resolve("profile.yml");
    }

    static Profile profile(Path file) {
        return new ProfileLoader().load(file.toString());
    }

    /** A real install directory pinned at {@code version} (not started: the version comes from .env), as inspected. */
    static StackState stackAt(Path dir, Path profileFile, String version) throws IOException {
        Testbed tb = Testbed.require();
        Files.createDirectories(dir);
        Files.copy(tb.fixtureDir().resolve("compose.yml"), dir.resolve("docker-compose.yml"));
        Files.writeString(dir.resolve(".env"), "FIXTURE_VERSION=" + version + "\nFIXTURE_PORT=18080\nPOSTGRES_DB=fixture\n");
        try (Connection connection = Connection.open(new LocalTarget())) {
            return StackInspector.inspect(connection, dir.toString(), Optional.of(profileFile.toString()));
        }
    }

    /** Remembers where the page asked to go. */
    static final class RecordingNavigator implements Navigator {
        final List<Step> steps = new CopyOnWriteArrayList<>();

        @Override
        public void goTo(Step step) {
            steps.add(step);
        }
    }
}
