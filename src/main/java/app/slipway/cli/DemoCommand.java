package app.slipway.cli;

import app.slipway.Main;
import app.slipway.core.Connection;
import app.slipway.core.demo.DemoImages;
import app.slipway.core.demo.DemoSetup;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.Journal;
import app.slipway.core.upgrade.UpgradeOptions;
import app.slipway.core.upgrade.UpgradePlanner;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway demo}: a product to try Slipway on, in a minute, with nothing but the local engine
 * (README "The first minute"): its images made here, version 1.0.0 installed, then the wizard opened
 * on it — or, without a display, its upgrade to 1.1.0 run in the terminal.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Makes a tiny demo product on the local Docker Engine (three versions, built from files Slipway"
                + " carries: no registry, no internet), installs 1.0.0 into DIR, and opens the wizard on it to walk an"
                + " upgrade, read its notes, break it (1.2.0 never becomes healthy) and roll it back. Without a display"
                + " (or with --terminal) the upgrade to 1.1.0 runs here instead.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where the demo is installed (default: ~/slipway-demo).")
    String directory;
    @Option(names = "--terminal", description = "Do not open the wizard: run the demo upgrade in this terminal.")
    boolean terminal;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DemoSetup.PORT,
            description = "The port the demo's web answers on, on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw app.slipway.core.SlipwayException.badInput("--port " + port + " is not a port: give one from 1 to 65535.");
        }
        PrintWriter out = spec.commandLine().getOut();
        String dir = directory != null ? directory : DemoSetup.defaultDirectory().toString();
        try (Connection connection = Connection.open(new LocalTarget())) {
            String absolute = connection.target().absolute(dir);
            var output = RunOutput.of(spec, false);
            Optional<RunResult> installed = DemoSetup.prepare(connection, dir, port, line -> {
                out.println(line);
                out.flush();
            }, plan -> {
                out.println("Installing the demo's " + DemoImages.FIRST + " into " + absolute + ":");
                return output.listener(plan);
            });
            if (installed.isEmpty()) {
                out.println("The demo is installed in " + absolute + " already.");
            } else {
                int code = output.finish(installed.get());
                if (code != 0) return code;
            }
            if (!terminal && Main.hasDisplay()) {
                out.println("Opening the wizard on " + absolute + " …");
                out.flush();
                Main.openWizard("--demo-dir=" + absolute);
                return 0;
            }
            return upgradeHere(connection, absolute, out);
        }
    }

    /** No window: the demo's upgrade, step by step in the terminal, then what to try next. */
    private int upgradeHere(Connection connection, String dir, PrintWriter out) {
        StackState stack = StackInspector.inspect(connection, dir, Optional.of("demo"));
        String current = stack.currentVersion().orElse(DemoImages.FIRST);
        int code = 0;
        if (current.equals(DemoImages.FIRST)) {
            out.println();
            out.println("Upgrading the demo from " + DemoImages.FIRST + " to " + DemoImages.NEXT + ":");
            Plan plan = UpgradePlanner.plan(connection, stack, new UpgradeOptions(DemoImages.NEXT, false, false, false),
                    Journal.find(connection.target(), dir));
            var output = RunOutput.of(spec, false);
            code = output.finish(new Runner(connection.target(), plan, output.listener(plan)).run());
        }
        out.println();
        String slipway = CommandName.current();
        out.println("Try next:");
        out.println("  " + slipway + " status   --dir " + dir);
        out.println("  " + slipway + " notes    --profile demo --from " + DemoImages.NEXT + " --to " + DemoImages.BROKEN);
        out.println("  " + slipway + " upgrade  --dir " + dir + " --to " + DemoImages.BROKEN
                + "   # broken on purpose: watch Slipway roll it back");
        out.println("  " + slipway + " rollback --dir " + dir + "   # back to the newest backup's version");
        out.println("  " + slipway + "                        # the wizard (on a desktop)");
        out.flush();
        return code;
    }
}
