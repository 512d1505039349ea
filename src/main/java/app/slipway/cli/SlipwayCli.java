package app.slipway.cli;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code slipway} command: subcommands, and the mapping of failures to README §The CLI exit codes. */
@Command(name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = SlipwayVersion.class,
        description = "Installs and upgrades self-hosted Docker Compose products, locally or over SSH.%n"
                + "Run without a command to open the wizard.",
        subcommands = {StatusCommand.class, PlanCommand.class, FleetCommand.class, EcsCommand.class, DemoCommand.class, UpgradeCommand.class, RollbackCommand.class,
                BackupCommand.class, BackupsCommand.class, HistoryCommand.class, InstallCommand.class, VersionsCommand.class, NotesCommand.class,
                CheckCommand.class,
                AutoCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 2:bad input or usage; nothing was changed",
            " 3:refused before any change (host key, missing image tag, lock held, no space, engine unreachable)",
            " 4:the change failed and was rolled back; the previous version is serving",
            " 5:the change failed and the rollback failed too; see the message and the journal",
            " 1:internal error (a bug)",
            "100:check and auto only: a newer release the stack's policy allows is out (nothing was changed)"})
public final class SlipwayCli {
    // Read where they are used (Display.of) through the command's spec: inherited options keep this field's binding.
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only the last sentence (and the JSON with --json), no progress.")
    boolean quiet;
    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours on a terminal (also when NO_COLOR is set).")
    boolean noColor;

    private SlipwayCli() {}

    public static int run(String... args) {
        app.slipway.core.host.SshPassphrases.askWith(System.console() == null ? null : new TerminalPassphrase());
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A configured command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        var cli = new CommandLine(new SlipwayCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean json = FailureReport.wantsJson(commandLine);
            if (ex instanceof SlipwayException se) {
                return FailureReport.print(commandLine, json, se.exitCode(), se.getMessage());
            }
            String bug = "Slipway hit an internal error (a bug; please report it): " + ex;
            PrintWriter e = commandLine.getErr();
            if (json) {
                FailureReport.print(commandLine, true, ExitCode.INTERNAL, bug); // the sentence there, the trace here
            } else {
                e.println(bug);
            }
            for (StackTraceElement frame : ex.getStackTrace()) {
                e.println("    at " + frame);
            }
            e.flush();
            return ExitCode.INTERNAL.code;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            return FailureReport.print(command, FailureReport.wantsJson(command, args), ExitCode.BAD_INPUT,
                    ex.getMessage() + ". Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        });
        return cli;
    }
}
