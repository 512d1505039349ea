package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test-only: the docker CLI, to set up and inspect state independently of the code under test. */
final class DockerCli {
    static final String REGISTRY = "127.0.0.1:5555";
    static final String FIXTURE = REGISTRY + "/slipway-fixture/app";

    private DockerCli() {}

    record Result(int exitCode, String output) {}

    /** Fails the test with a sentence unless the testbed's engine answers. */
    static void requireEngine() {
        if (!Files.exists(Path.of(UnixEngineSocket.DEFAULT_PATH))) {
            fail("There is no Docker Engine socket at " + UnixEngineSocket.DEFAULT_PATH + ": start the testbed with testbed/up.sh.");
        }
        Result info = run("info", "--format", "{{.ServerVersion}}");
        if (info.exitCode != 0) {
            fail("The Docker Engine at " + UnixEngineSocket.DEFAULT_PATH + " does not answer (" + info.output.strip()
                    + "): start the testbed with testbed/up.sh.");
        }
    }

    /** Runs docker and returns its exit code and combined output. */
    static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("docker " + String.join(" ", args) + " did not finish within 120 s.");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            return fail("The docker CLI could not be run (" + e.getMessage() + "): install docker.io or run testbed/up.sh.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Runs docker, failing the test when it fails; returns its trimmed output. */
    static String ok(String... args) {
        Result r = run(args);
        if (r.exitCode != 0) {
            fail("docker " + String.join(" ", args) + " failed with exit " + r.exitCode + ": " + r.output.strip());
        }
        return r.output.strip();
    }
}
