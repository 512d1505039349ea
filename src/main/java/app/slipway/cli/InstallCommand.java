package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.install.InstallOptions;
import app.slipway.core.install.InstallPlanner;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Runner;
import app.slipway.core.install.SetValues;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.stack.EnvFile;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway install}: a first install, or the re-run on a directory that already holds the stack (README §The CLI (install)). */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {
            "Installs the product P into DIR (created if missing): checks the engine, Compose, free disk and "
                    + "the product's port first (nothing is written before that passes), writes the profile's compose "
                    + "file and .env (mode 0600: defaults, --set values, generated secrets, the version pinned), pulls, "
                    + "starts and verifies the stack.",
            "",
            "On a directory that already holds a stack it is the re-run: existing .env values and secrets are "
                    + "kept byte for byte (missing keys appended), the compose file is refreshed from the profile (the "
                    + "old one and .env are kept in DIR/backups/<UTC time>-install/), legacy services are stopped and "
                    + "removed before the stack restarts with --remove-orphans. Never installs into a nested directory.",
            "",
            "A failed re-run restores the previous compose file and .env and restarts them (exit 4; 5 if that "
                    + "fails too). A failed fresh install has nothing to roll back to: it exits 5, keeping the written "
                    + "files (and secrets) so that running the same command again completes it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:installed, running and healthy",
            " 2:bad input (e.g. --set without '=', no --to for a fresh install); nothing was changed",
            " 3:refused before any change (engine unreachable, Compose too old, no disk space, port in use, lock held,"
                    + " missing image tag)",
            " 4:a re-run failed and the previous files were restored and are serving",
            " 5:a fresh install failed (files kept; re-run to complete), or a re-run failed and restoring failed too",
            " 1:internal error (a bug)"})
public final class InstallCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "The install directory on the target; created when missing.")
    String directory;
    @Option(names = "--profile", paramLabel = "P", required = true,
            description = "Built-in profile (strata, appstrate) or a path to a profile file with an install section.")
    String profile;
    @Option(names = "--to", paramLabel = "VERSION",
            description = "The version to install (an image tag). Required for a fresh install; a re-run without it keeps the pin.")
    String to;
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A .env value (repeatable). Wins over the profile's default; on a re-run it changes an"
                    + " existing key, except a secret, which is never changed.")
    List<String> sets;
    @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> values = SetValues.parse(sets);
        if (to != null) EnvFile.requireValidVersion(to);
        Profile product = new ProfileLoader().load(profile);
        product.requireInstall();
        try (Connection connection = target.connect()) {
            // The registry's spelling, asked with the logins the install's pulls will use.
            String to = this.to == null ? null : VersionSpelling.resolve(product, this.to, connection.logins());
            Plan plan = InstallPlanner.plan(connection, directory, product, new InstallOptions(to, values),
                    new SecureRandom());
            Confirmation.require(yes, "Install " + product.name() + " " + plan.to() + " into " + plan.directory() + " on " + plan.target() + "?");
            var output = RunOutput.of(spec, json);
            return output.finish(new Runner(connection.target(), plan, output.listener(plan)).run());
        }
    }
}
