package app.slipway.core.demo;

import app.slipway.core.Connection;
import app.slipway.core.install.InstallOptions;
import app.slipway.core.install.InstallPlanner;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The first minute with Slipway (README "The first minute"): the demo product's images made on
 * the local engine, and its first version installed — by the same install plan and runner as any
 * product — so the wizard or the terminal can walk an upgrade, its notes, a failure and a rollback.
 */
public final class DemoSetup {
    private DemoSetup() {}

    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), "slipway-demo");
    }

    public static Profile profile() {
        return new ProfileLoader().loadBuiltIn(ProfileLoader.DEMO);
    }

    /** The port the demo's web answers on unless told otherwise. */
    public static final int PORT = 18090;

    /**
     * Makes the images the local engine lacks (seconds, once), then installs {@link DemoImages#FIRST}
     * into {@code dir} with the web on {@code port} — the ordinary install plan and runner, its events
     * to the listener made for that plan. Empty when a stack is there already (the demo is run again).
     */
    public static Optional<RunResult> prepare(Connection connection, String dir, int port, Consumer<String> say,
                                              Function<Plan, RunListener> listener) {
        DemoImages.ensure(connection.engine(), say);
        String absolute = connection.target().absolute(dir);
        if (connection.target().stat(absolute + "/compose.yml").isPresent()) return Optional.empty();
        Plan plan = InstallPlanner.plan(connection, absolute, profile(), new InstallOptions(DemoImages.FIRST,
                Map.of("DEMO_PORT", Integer.toString(port))), new SecureRandom());
        return Optional.of(new Runner(connection.target(), plan, listener.apply(plan)).run());
    }
}
