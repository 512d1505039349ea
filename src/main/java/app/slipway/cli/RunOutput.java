package app.slipway.cli;

import app.slipway.core.events.RunListener;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.run.UpgradeResult;
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
    private final SecretRedactor redactor;

    RunOutput(PrintWriter out, PrintWriter err, boolean json, SecretRedactor redactor) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.redactor = redactor;
    }

    RunListener listener(int totalSteps) {
        return redactor.wrap(new EventPrinter(json ? err : out, totalSteps));
    }

    /** Prints the result and returns the exit code. */
    int finish(UpgradeResult result) {
        if (json) {
            out.println(Json.write(asJson(result)));
        } else {
            result.failedLogs().forEach((service, lines) -> {
                out.println("Last log lines of " + service + ":");
                lines.forEach(l -> out.println("  " + redactor.redact(l)));
            });
            out.println(redactor.redact(result.message()));
        }
        out.flush();
        if (result.exitCode().code != 0 && !json) {
            // Scripts reading stderr see the one sentence too.
            err.println(redactor.redact(result.message()));
            err.flush();
        }
        return result.exitCode().code;
    }

    private Map<String, Object> asJson(UpgradeResult result) {
        var root = new LinkedHashMap<String, Object>();
        root.put("from", result.from());
        root.put("to", result.to());
        root.put("result", result.result());
        root.put("exitCode", result.exitCode().code);
        root.put("message", redactor.redact(result.message()));
        root.put("backup", result.backupId());
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
        result.failedLogs().forEach((k, v) -> logs.put(k, v.stream().map(redactor::redact).toList()));
        root.put("failedLogs", logs);
        return root;
    }
}
