package app.slipway.cli;

import app.slipway.core.events.RunListener;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a changing command's words go: with --json the progress goes to stderr and stdout holds
 * only the result; without, progress goes to stdout and the last sentence as {@link LastSentence}
 * says. Secrets are masked on the way out.
 */
final class RunOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Display display;
    private LiveProgress live;

    RunOutput(PrintWriter out, PrintWriter err, boolean json, Display display) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.display = display;
    }

    /** The command's own streams, its --quiet and --no-color, and the terminal it runs in. */
    static RunOutput of(CommandSpec spec, boolean json) {
        return new RunOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json, Display.of(spec));
    }

    /** The run masks its secrets before its events reach this printer. */
    RunListener listener(Plan plan) {
        if (display.quiet()) return RunListener.IGNORE;
        PrintWriter progress = json ? err : out;
        if (!display.live()) return new EventPrinter(progress, plan.steps().size());
        if (live != null) live.close(); // a command that runs two plans (the demo) shows them one after the other
        live = new LiveProgress(progress, plan.steps().size(), display.width(), display.colour(), System::nanoTime);
        live.startTicking();
        return live;
    }

    /** Prints the result and returns the exit code. */
    int finish(RunResult result) {
        return finish(result, Map.of());
    }

    /** As {@link #finish(RunResult)}, with a command's own keys after the common ones in its JSON. */
    int finish(RunResult result, Map<String, Object> more) {
        if (live != null) live.close();
        if (json) {
            Map<String, Object> root = asJson(result);
            root.putAll(more);
            out.println(Json.write(root));
            out.flush();
        } else {
            if (!display.quiet()) {
                result.failedLogs().forEach((service, lines) -> {
                    out.println("Last log lines of " + service + ":");
                    lines.forEach(l -> out.println("  " + l));
                });
            }
            LastSentence.print(out, err, result.succeeded(), result.message());
        }
        return result.exitCode().code;
    }

    private LinkedHashMap<String, Object> asJson(RunResult result) {
        var root = new LinkedHashMap<String, Object>();
        root.put("kind", result.kind().word);
        root.put("from", result.from());
        root.put("to", result.to());
        root.put("result", result.result());
        root.put("exitCode", result.exitCode().code);
        root.put("message", result.message());
        root.put("backup", result.backupId());
        root.put("url", result.url().orElse(null));
        root.put("durationMs", result.took().toMillis());
        List<Map<String, Object>> steps = result.steps().stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("number", s.step().number());
            m.put("kind", s.step().kind().name().toLowerCase());
            m.put("title", s.step().title());
            m.put("result", s.result());
            m.put("durationMs", s.took().toMillis());
            return (Map<String, Object>) m;
        }).toList();
        root.put("steps", steps);
        var logs = new LinkedHashMap<String, Object>();
        result.failedLogs().forEach((k, v) -> logs.put(k, v));
        root.put("failedLogs", logs);
        return root;
    }
}
