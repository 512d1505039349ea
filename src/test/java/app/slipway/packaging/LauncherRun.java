package app.slipway.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a native launcher as a separate process: its exit code, stdout and stderr. */
record LauncherRun(int exitCode, String out, String err) {
    private static final long TIMEOUT_SECONDS = 180;

    static LauncherRun of(Path launcher, String... args) throws IOException, InterruptedException {
        return of(java.util.Map.of(), launcher, args);
    }

    /** With these variables added to the environment. */
    static LauncherRun of(java.util.Map<String, String> env, Path launcher, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(launcher.toString());
        argv.addAll(List.of(args));
        // Files rather than pipes, so a launcher that hangs cannot block the test beyond the timeout.
        Path stdout = Files.createTempFile("slipway-launcher-", ".out");
        Path stderr = Files.createTempFile("slipway-launcher-", ".err");
        try {
            var builder = new ProcessBuilder(argv);
            builder.environment().putAll(env);
            Process process = builder
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (!finished) {
                throw new AssertionError(launcher + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + out + err);
            }
            return new LauncherRun(process.exitValue(), out, err);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
