package app.slipway.core.demo;

import app.slipway.core.Connection;
import app.slipway.core.install.InstallOptions;
import app.slipway.core.install.InstallPlanner;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.run.Plan;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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

    /** Makes the demo's images the local engine lacks (seconds, once). */
    public static void images(Connection connection, Consumer<String> say) {
        DemoImages.ensure(connection.engine(), say);
    }

    /**
     * The plan that installs {@link DemoImages#FIRST} into {@code dir} with the web on {@code port};
     * empty when a stack is there already (the demo is run again).
     */
    public static Optional<Plan> installPlan(Connection connection, String dir, int port) {
        String absolute = connection.target().absolute(dir);
        if (connection.target().stat(absolute + "/compose.yml").isPresent()) return Optional.empty();
        return Optional.of(InstallPlanner.plan(connection, absolute, profile(), new InstallOptions(DemoImages.FIRST,
                Map.of("DEMO_PORT", Integer.toString(port))), new SecureRandom()));
    }
}
