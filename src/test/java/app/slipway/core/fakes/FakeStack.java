package app.slipway.core.fakes;

import app.slipway.core.Connection;
import app.slipway.core.compose.ComposeCli;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeFlavor;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.stack.StackState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small Compose stack in memory: {@code web} and the legacy {@code worker} of product "App" on
 * 1.0.0, in {@value #DIR}, with an in-memory host that answers Compose's commands the way the real
 * CLI changes things ({@code config} prints the file, {@code up} starts a container per service)
 * and an in-memory engine. Tests override single commands with {@link #onCommand}.
 */
public final class FakeStack {
    public static final String DIR = "/srv/app";
    public static final String IMAGE = "127.0.0.1:5555/acme/app";
    public static final String SECRET = "0123456789abcdef0123456789abcdef";
    public static final String COMPOSE = """
            # the app and its background jobs
            services:
              web:
                image: 127.0.0.1:5555/acme/app:${APP_VERSION:-1.0.0}
                restart: unless-stopped
              worker:   # renamed to job in 2.x
                image: 127.0.0.1:5555/acme/app:${APP_VERSION:-1.0.0}
                restart: unless-stopped
            """;
    public static final String ENV = "# app settings\nAPP_VERSION=1.0.0\nAPP_SECRET_KEY=" + SECRET + "\n";

    public final InMemoryHost host = new InMemoryHost();
    public final InMemoryEngine engine = new InMemoryEngine();
    public final Connection connection;
    public final Profile profile;
    private Function<Command, ExecResult> override = c -> null;
    private boolean upHealthy = true;

    public FakeStack(Path tempDir) {
        this(tempDir, null, Map.of());
    }

    /**
     * The same stack under another profile: {@code profileYaml} is written beside {@code files}
     * (relative path → text) in {@code tempDir}, so its {@code install.compose} can name them.
     */
    public FakeStack(Path tempDir, String profileYaml, Map<String, String> files) {
        profile = profileYaml == null ? profile(tempDir) : profile(tempDir, profileYaml, files);
        host.file(DIR + "/compose.yml", COMPOSE, 0644).file(DIR + "/.env", ENV, 0600);
        engine.publishes(IMAGE, "1.0.0").publishes(IMAGE, "2.0.0")
                .runs("app", "web", IMAGE + ":1.0.0", false).runs("app", "worker", IMAGE + ":1.0.0", false);
        host.answering(this::answer).listening(3000);
        connection = new Connection(host, engine, engine.version(), new ComposeCli(ComposeFlavor.V2, "2.24.0"));
    }

    /** Answers one kind of command differently (null: as Compose would). */
    public FakeStack onCommand(Function<Command, ExecResult> override) {
        this.override = override;
        return this;
    }

    /** Whether the containers {@code up} starts become healthy. */
    public FakeStack upHealthy(boolean healthy) {
        this.upHealthy = healthy;
        return this;
    }

    public StackState read() {
        var files = StackFilesReader.read(host, DIR);
        var compose = new ComposeCommands(connection.compose(), DIR, files.composeFiles(), "app");
        var model = ComposeModel.parse(files.composeText());
        return new StackState(files, compose, model, "app", "the directory's name", profile, engine.containersOf("app"),
                files.env().get("APP_VERSION"), Optional.of("1.0.0"));
    }

    private ExecResult answer(Command command) {
        ExecResult overridden = override.apply(command);
        if (overridden != null) return overridden;
        List<String> argv = command.argv();
        String dir = command.workDir();
        String file = argv.contains("-f") ? argv.get(argv.indexOf("-f") + 1) : "compose.yml";
        if (argv.contains("config")) {
            return new ExecResult(0, host.text(dir + "/" + file).orElse(""), "");
        }
        if (argv.contains("up")) {
            var model = ComposeModel.parse(host.text(dir + "/" + file).orElseThrow());
            String env = host.text(dir + "/.env").orElse("");
            String project = dir.substring(dir.lastIndexOf('/') + 1);
            var oneShots = new java.util.HashSet<String>();
            model.services().values().stream().filter(s -> s.oneShot()).forEach(s -> oneShots.add(s.name()));
            var envValues = app.slipway.core.stack.EnvFile.parse(env).values();
            var images = new java.util.LinkedHashMap<String, String>();
            model.services().values().forEach(svc -> images.put(svc.name(),
                    app.slipway.core.profile.EnvTemplate.expand(svc.image(), envValues)));
            engine.replaceContainers(project, images, false, oneShots);
            host.listening(Integer.parseInt(value(env, "PORT", "3000")));
            host.healthStatus(upHealthy ? 200 : 503);
            return new ExecResult(0, "", "Container app-web-1  Started");
        }
        if (argv.contains("psql")) {
            return new ExecResult(0, "8192\n", ""); // the database's size, in bytes
        }
        if (argv.get(0).equals("df")) {
            return new ExecResult(0, "Filesystem 1K-blocks Used Available Use% Mounted on\n"
                    + "/dev/sda1 100000000 1000 99000000 1% /\n", "");
        }
        return new ExecResult(0, "", "");
    }

    private static String value(String env, String key, String otherwise) {
        return env.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
                .orElse(otherwise);
    }

    private static Profile profile(Path tempDir, String yaml, Map<String, String> files) {
        try {
            for (var f : files.entrySet()) {
                Path p = tempDir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            Path file = tempDir.resolve("custom-profile.yml");
            Files.writeString(file, yaml);
            return new ProfileLoader(tempDir).loadFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Profile profile(Path tempDir) {
        try {
            Path file = tempDir.resolve("app-profile.yml");
            Files.writeString(file, """
                    name: App
                    version_variable: APP_VERSION
                    images: [127.0.0.1:5555/acme/app]
                    health: {url: "http://127.0.0.1:${PORT:-3000}/up", timeout: 1s}
                    renames: {worker: job}
                    backup:
                      postgres: {service: web, database: app, user: postgres}
                    install:
                      compose: app-compose.yml
                      env: {PORT: "3000"}
                      secrets: {APP_SECRET_KEY: hex16}
                    """);
            Files.writeString(tempDir.resolve("app-compose.yml"), COMPOSE.replace("worker:   # renamed to job in 2.x", "job:"));
            return new ProfileLoader(tempDir).loadFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
