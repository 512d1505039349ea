package app.slipway.ecs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Tasks as real containers, through the {@code docker} CLI with {@code DOCKER_HOST} set: {@code docker run -d
 * --network host} (ECS "host" network mode), labelled so {@link #close()} removes every one of them.
 */
final class DockerTasks implements TaskRunner {
    private static final String LABEL = "app.slipway.ecs-standin";
    private final String dockerHost;
    private final String instance = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private record Result(int exitCode, String out, String err) {}

    private DockerTasks(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    /** Fails loudly when no engine answers: an engine test must never pass by skipping its containers. */
    static DockerTasks on(String dockerHost) throws IOException {
        DockerTasks tasks = new DockerTasks(dockerHost);
        Result version = tasks.docker(Duration.ofSeconds(20), "version", "--format", "{{.Server.Version}}");
        if (version.exitCode != 0) {
            throw new IOException("No Docker engine answers at DOCKER_HOST=" + dockerHost + " (run testbed/up.sh): "
                    + version.err.strip());
        }
        return tasks;
    }

    @Override
    public String start(String taskId, ContainerSpec c) throws StartFailure {
        String name = "ecs-" + taskId.substring(0, 12) + "-" + c.name();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--network", "host", "--label", LABEL + "=" + instance,
                "--name", name));
        c.environment().forEach((k, v) -> args.addAll(List.of("-e", k + "=" + v)));
        args.add(c.image());
        args.addAll(c.command());
        Result run = docker(Duration.ofMinutes(3), args.toArray(String[]::new));
        if (run.exitCode == 0) return run.out.strip();
        docker(Duration.ofSeconds(30), "rm", "-f", name); // a container whose command cannot exec stays "Created"
        String error = run.err.lines().filter(l -> l.startsWith("docker: ")).map(l -> l.substring(8)).findFirst()
                .orElse(run.err.strip());
        boolean exec = error.contains("OCI runtime") || error.contains("exec:") || error.contains("failed to create task");
        throw new StartFailure((exec ? "CannotStartContainerError: " : "CannotPullContainerError: ") + error);
    }

    @Override
    public Integer exitCode(String runtimeId) throws IOException {
        Result r = docker(Duration.ofSeconds(30), "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", runtimeId);
        if (r.exitCode != 0) return 137; // gone
        String[] state = r.out.strip().split(" ");
        return state[0].equals("running") || state[0].equals("created") || state[0].equals("restarting")
                ? null : Integer.valueOf(state[1]);
    }

    @Override
    public List<LogLine> logs(String runtimeId) throws IOException {
        Result r = docker(Duration.ofSeconds(30), "logs", "-t", runtimeId);
        List<LogLine> lines = new ArrayList<>();
        for (String text : (r.out + r.err).split("\n")) {
            int space = text.indexOf(' ');
            if (space < 0) continue;
            try {
                lines.add(new LogLine(Instant.parse(text.substring(0, space)).toEpochMilli(), text.substring(space + 1)));
            } catch (RuntimeException notALogLine) {
                // docker's own error text when the container is gone
            }
        }
        lines.sort(Comparator.comparingLong(LogLine::timestampMs)); // stdout and stderr arrive apart
        return lines;
    }

    @Override
    public void stop(String runtimeId) {
        docker(Duration.ofSeconds(30), "stop", "-t", "3", runtimeId);
    }

    @Override
    public void remove(String runtimeId) {
        docker(Duration.ofSeconds(30), "rm", "-f", runtimeId);
    }

    @Override
    public Answer get(String runtimeId, ContainerSpec c, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + path))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** Removes every container this stand-in started (by its label). */
    @Override
    public void close() {
        Result ids = docker(Duration.ofSeconds(30), "ps", "-aq", "--filter", "label=" + LABEL + "=" + instance);
        List<String> args = new ArrayList<>(List.of("rm", "-f"));
        ids.out.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(args::add);
        if (args.size() > 2) docker(Duration.ofSeconds(60), args.toArray(String[]::new));
    }

    private Result docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DOCKER_HOST", dockerHost);
        pb.environment().remove("DOCKER_CONTEXT");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "docker-stderr");
            errReader.setDaemon(true);
            errReader.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out, "docker " + String.join(" ", args) + " timed out");
            }
            errReader.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
