package app.slipway.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The CLI in a JVM of its own, so a test can kill it mid-run the way a user's crash would, or give it an environment of its own. */
public final class SlipwayProcess {
    private final Process process;
    private final BufferedReader reader;
    private final List<String> seen = new ArrayList<>();

    private SlipwayProcess(Process process) {
        this.process = process;
        this.reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static SlipwayProcess start(List<String> args) throws IOException {
        return new SlipwayProcess(new ProcessBuilder(argv(args)).redirectErrorStream(true).start());
    }

    /**
     * Runs the CLI to its end with extra environment (what an in-process run cannot have: a
     * {@code DOCKER_CONFIG}, a {@code PATH}) and keeps its exit code and output.
     */
    public static CliRun run(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(argv(args)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("slipway-out-", ".txt");
        Path err = Files.createTempFile("slipway-err-", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("slipway " + String.join(" ", args) + " did not end within 5 minutes");
            }
            return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> argv(List<String> args) {
        var argv = new ArrayList<String>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Duser.home=" + System.getProperty("user.home")); // the same state as the in-process runs
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add("app.slipway.Main");
        argv.addAll(args);
        return argv;
    }

    /** Reads output until a line contains {@code text}; fails when the process ends or time runs out first. */
    public void awaitLine(String text, Duration budget) throws IOException {
        Instant deadline = Instant.now().plus(budget);
        String line;
        while ((line = reader.readLine()) != null) {
            seen.add(line);
            if (line.contains(text)) return;
            if (Instant.now().isAfter(deadline)) break;
        }
        throw new AssertionError("never saw '" + text + "' in the output:\n" + String.join("\n", seen));
    }

    /** SIGKILL: no shutdown hook, no finally block — what a crash or a pulled cable leaves. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
