package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.core.Connection;
import app.slipway.core.events.RunEvent;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.host.SshSettings;
import app.slipway.core.host.SshTarget;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Connections, stacks and probes the backup tests share; everything real, nothing skipped. */
final class BackupTestbed {
    /** FIXTURE_SECRET_KEY of every {@link FixtureStack}: must never reach a log line. */
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    private BackupTestbed() {}

    static Connection local() {
        Testbed.require();
        return Connection.open(new LocalTarget());
    }

    static Connection ssh() {
        Testbed tb = Testbed.require();
        return Connection.open(SshTarget.connect(SshSettings.of("root", tb.sshHost(), tb.sshPort())
                .withIdentityFile(tb.sshKey()).withKnownHostsFile(tb.knownHosts())));
    }

    static FixtureStack startStack() {
        return FixtureStack.start("compose.yml", Testbed.require().currentVersion());
    }

    static StackState inspect(Connection c, FixtureStack stack) {
        return inspect(c, stack, Testbed.require().fixtureProfile());
    }

    static StackState inspect(Connection c, FixtureStack stack, Path profile) {
        return StackInspector.inspect(c, stack.directory().toString(), Optional.of(profile.toString()));
    }

    /** The fixture profile with its {@code backup:} section replaced, as a file in {@code dir}. */
    static Path profileWithBackup(Path dir, String backupYaml) {
        try {
            String text = Files.readString(Testbed.require().fixtureProfile(), StandardCharsets.UTF_8);
            int start = text.indexOf("\nbackup:\n");
            int end = text.indexOf("\nreleases:");
            if (start < 0 || end < start) fail("the fixture profile no longer has backup: before releases:");
            String changed = text.substring(0, start + 1) + backupYaml.stripTrailing() + "\n" + text.substring(end + 1);
            Path file = Files.createTempFile(dir, "profile-", ".yml");
            Files.writeString(file, changed, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** psql in the stack's db service, unaligned tuples only. */
    static String psql(FixtureStack stack, String sql) {
        return stack.compose("exec", "-T", "db", "psql", "-v", "ON_ERROR_STOP=1", "-U", "postgres", "-d", "fixture",
                "-Atc", sql).strip();
    }

    static String inWeb(FixtureStack stack, String script) {
        return stack.compose("exec", "-T", "web", "sh", "-c", script);
    }

    /** Runs a local command to completion (stdin from a file when given); fails the test unless it exits 0. */
    static String run(Path stdin, Path workDir, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            if (workDir != null) pb.directory(workDir.toFile());
            if (stdin != null) pb.redirectInput(stdin.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), () -> String.join(" ", argv) + " failed:\n" + out);
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256sum(Path file) {
        return run(null, null, "sha256sum", file.toString()).substring(0, 64);
    }

    /** Collects a run's events and checks no line carries a secret of the stack's .env. */
    static final class Events implements app.slipway.core.events.RunListener {
        final List<RunEvent> events = new ArrayList<>();

        @Override
        public synchronized void on(RunEvent event) {
            events.add(event);
        }

        synchronized List<String> lines() {
            return events.stream().filter(e -> e instanceof RunEvent.LogLine)
                    .map(e -> ((RunEvent.LogLine) e).line()).toList();
        }

        void assertNoSecret() {
            for (String line : lines()) {
                if (line.contains(SECRET)) fail("a log line shows the .env secret: " + line);
            }
        }
    }
}
