package app.slipway.cli;

import app.slipway.core.events.RunListener;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a changing command's words go: with --json the progress goes to stderr and stdout holds
 * only the result; without, both go to stdout. Secrets are masked on the way out.
 */
final class RunOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    RunOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** The run masks its secrets before its events reach this printer. */
    RunListener listener(Plan plan) {
        return new EventPrinter(json ? err : out, plan.steps().size());
    }

    /** Prints the result and returns the exit code. */
    int finish(RunResult result) {
        return finish(result, Map.of());
    }

    /** As {@link #finish(RunResult)}, with a command's own keys after the common ones in its JSON. */
    int finish(RunResult result, Map<String, Object> more) {
        if (json) {
            Map<String, Object> root = asJson(result);
            root.putAll(more);
            out.println(Json.write(root));
        } else {
            result.failedLogs().forEach((service, lines) -> {
                out.println("Last log lines of " + service + ":");
                lines.forEach(l -> out.println("  " + l));
            });
            out.println(result.message());
        }
        out.flush();
        if (result.exitCode().code != 0 && !json) {
            // Scripts reading stderr see the one sentence too.
            err.println(result.message());
            err.flush();
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
