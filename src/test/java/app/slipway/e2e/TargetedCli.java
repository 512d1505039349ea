package app.slipway.e2e;

import app.slipway.testbed.Testbed;
import java.util.ArrayList;
import java.util.List;

/** An end-to-end contract run against one target: the subclass says which (local, or the testbed's sshd). */
abstract class TargetedCli {
    protected final Testbed testbed = Testbed.require();

    protected abstract List<String> targetArgs();

    /** The CLI with these arguments and the target's. */
    protected CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(targetArgs());
        return CliRun.of(all.toArray(String[]::new));
    }
}
