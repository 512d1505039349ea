package app.slipway.e2e;

import app.slipway.cli.InstallCommand;
import app.slipway.cli.SlipwayCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the real CLI in-process with {@code install} present, like {@link CliRun}. Until
 * {@code InstallCommand} is registered in {@code SlipwayCli} it is added here, with the same
 * exception handlers and streams.
 */
final class InstallCli {
    private InstallCli() {}

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var outWriter = new PrintWriter(out, true);
        var errWriter = new PrintWriter(err, true);
        var cli = SlipwayCli.commandLine(outWriter, errWriter);
        if (!cli.getSubcommands().containsKey("install")) {
            cli.addSubcommand(new InstallCommand());
            cli.setOut(outWriter);
            cli.setErr(errWriter);
        }
        int code = cli.execute(args);
        return CliRun.saysItsFailureOnce(new CliRun(code, out.toString(), err.toString()),
                java.util.Arrays.asList(args).contains("--json"));
    }
}
