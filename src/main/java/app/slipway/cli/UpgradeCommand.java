package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Runner;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.Journal;
import app.slipway.core.upgrade.UpgradePlanner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway upgrade}: the steps {@code plan} shows, for real, with automatic rollback. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Upgrades the stack to VERSION: pull (while the old version serves), back up, rename legacy "
                + "services, pin the version in .env, restart, verify. Any failure after the first change rolls "
                + "the stack back to the snapshot automatically (exit 4).")
public final class UpgradeCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Mixin VersionOptions version;
    @Option(names = "--skip-backup", description = "Do not back up the database, volumes and files first.") boolean skipBackup;
    @Mixin KeepOptions keep;
    @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
    @Option(names = "--break-lock", description = "Take the stack's lock even though another run holds it (when that run is gone).")
    boolean breakLock;
    @Option(names = "--resume", description = "Finish an upgrade that was interrupted (connection lost, app killed).")
    boolean resume;
    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        EnvFile.requireValidVersion(version.to);
        keep.keep(); // bad input is refused before connecting anywhere
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            // .env gets the registry's spelling, asked with the logins the pulls will use
            String to = VersionSpelling.resolve(state.profile(), version.to, connection.logins());
            Plan plan = UpgradePlanner.plan(connection, state, version.upgrade(to, skipBackup, breakLock, resume, keep.keep()),
                    Journal.find(connection.target(), state.files().directory()));
            Confirmation.require(yes, "Upgrade " + plan.product() + " in " + plan.directory() + " on "
                    + plan.target() + " from " + plan.from() + " to " + plan.to() + "?");
            var output = RunOutput.of(spec, json);
            return output.finish(new Runner(connection.target(), plan, output.listener(plan)).run());
        }
    }
}
