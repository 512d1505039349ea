package app.slipway.cli;

import app.slipway.core.ExitCode;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.RunResult;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that ends before a run could (bad input, a refusal, a bug) says so once: its sentence
 * on stderr, or with --json a document on stdout shaped like a run's result — {@code kind} when the
 * command is a run, {@code result}, {@code exitCode}, {@code message} — so a script parses every outcome.
 */
final class FailureReport {
    private FailureReport() {}

    static int print(CommandLine command, boolean json, ExitCode code, String message) {
        if (json) {
            var root = new LinkedHashMap<String, Object>();
            kindOf(command.getCommandSpec()).ifPresent(kind -> root.put("kind", kind));
            root.put("result", RunResult.resultOf(code));
            root.put("exitCode", code.code);
            root.put("message", message);
            PrintWriter out = command.getOut();
            out.println(Json.write(root));
            out.flush();
        } else {
            PrintWriter err = command.getErr();
            err.println(message);
            err.flush();
        }
        return code.code;
    }

    /** Whether the command that ran asked for JSON. */
    static boolean wantsJson(CommandLine command) {
        var parsed = command.getParseResult();
        return parsed != null && command.getCommandSpec().findOption("--json") != null && parsed.hasMatchedOption("--json");
    }

    /** Whether a command that could not parse its arguments has --json among them. */
    static boolean wantsJson(CommandLine command, String[] args) {
        return command.getCommandSpec().findOption("--json") != null && Arrays.asList(args).contains("--json");
    }

    private static java.util.Optional<String> kindOf(CommandSpec spec) {
        return Arrays.stream(RunKind.values()).map(k -> k.word).filter(spec.name()::equals).findFirst();
    }
}
