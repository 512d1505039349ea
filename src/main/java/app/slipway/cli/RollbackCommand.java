package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.rollback.RollbackOptions;
import app.slipway.core.rollback.RollbackPlanner;
import app.slipway.core.run.Plan;
import app.slipway.core.run.Runner;
import app.slipway.core.state.Journal;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway rollback}: back to a backup's (or an interrupted run's) state. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Returns the stack to the state of a backup: .env and compose file byte for byte, the images "
                + "that ran, restarted and verified. Without --backup: the snapshot of an interrupted run if there is "
                + "one, else the newest backup. The database is restored only with --restore-database.")
public final class RollbackCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Option(names = "--backup", paramLabel = "ID", description = "The backup to return to (a folder name in DIR/backups).")
    String backupId;
    @Option(names = "--restore-database", description = "Also restore the database dump and volume archives (the app is stopped meanwhile).")
    boolean restoreDatabase;
    @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
    @Option(names = "--break-lock", description = "Take the stack's lock even though another run holds it (when that run is gone).")
    boolean breakLock;
    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            Plan plan = RollbackPlanner.plan(connection, state,
                    new RollbackOptions(Optional.ofNullable(backupId), restoreDatabase, breakLock),
                    Journal.find(connection.target(), state.files().directory()));
            Confirmation.require(yes, RollbackPlanner.question(plan));
            var output = RunOutput.of(spec, json);
            return output.finish(new Runner(connection.target(), plan, output.listener(plan)).run());
        }
    }
}
