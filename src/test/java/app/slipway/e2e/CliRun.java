package app.slipway.e2e;

import app.slipway.cli.SlipwayCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Runs the real CLI in-process and keeps what it printed and its exit code. Every failing run is
 * checked to say its sentence once (README §Exit codes): as the last line of stderr and nowhere
 * else, or with --json only as the message of the JSON document on stdout.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = SlipwayCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return saysItsFailureOnce(new CliRun(code, out.toString(), err.toString()), Arrays.asList(args).contains("--json"));
    }

    /** Fails the test when a failing run's sentence is missing or said more than once. */
    static CliRun saysItsFailureOnce(CliRun run, boolean json) {
        boolean failed = run.exitCode != 0 && run.exitCode != 100 && run.exitCode != 1; // 1 adds a stack trace
        if (!failed) return run;
        if (json) {
            JsonNode document;
            try {
                document = new ObjectMapper().readTree(run.out);
            } catch (IOException e) {
                throw new AssertionError("a failing --json run prints one JSON document on stdout:\n" + run, e);
            }
            if (document == null || document.path("exitCode").asInt(-1) != run.exitCode || !document.hasNonNull("message")) {
                throw new AssertionError("the JSON document holds the exit code and the message:\n" + run);
            }
            if (run.err.contains(document.get("message").asText())) {
                throw new AssertionError("with --json the sentence is in the document only:\n" + run);
            }
            return run;
        }
        String sentence = run.err.strip().lines().reduce((a, b) -> b).orElse("");
        if (sentence.isBlank()) throw new AssertionError("a failing run ends with its sentence on stderr:\n" + run);
        int times = count(run.out, sentence) + count(run.err, sentence);
        if (times != 1) throw new AssertionError("the sentence is said " + times + " times, not once: " + sentence + "\n" + run);
        return run;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
