package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.state.LockOwner;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The throwaway PostgreSQL server of a restore drill: a container of the stack's own database
 * image, with no network at all ({@code --network none}: no port is published, nothing can reach
 * it) and trust authentication inside, used only through {@code docker exec}. It is removed with its
 * anonymous volume when closed, whatever happened — and by a shutdown hook if Slipway is stopped
 * meanwhile. Its labels name the backup, the install directory and the Slipway process that
 * started it, so a drill that was killed outright is found and removed by the next one.
 */
final class DrillContainer implements AutoCloseable {
    static final String LABEL = "app.slipway.drill";
    static final String DIR_LABEL = "app.slipway.drill.dir";
    static final String HOST_LABEL = "app.slipway.drill.host";
    static final String PID_LABEL = "app.slipway.drill.pid";
    static final String STARTED_LABEL = "app.slipway.drill.started";
    /** The database the dump is restored into; a name no image's entrypoint creates by itself. */
    static final String DATABASE = "slipway_drill";
    /** The superuser of the postgres images (official, Debian's), who owns the throwaway cluster. */
    static final String SUPERUSER = "postgres";
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * Ready when the server that answers is the final one: the official image's entrypoint first runs
     * a temporary server on the socket only, then replaces itself (PID 1) with the real one, which
     * also listens on the loopback interface that even {@code --network none} has.
     */
    private static final String READY = "[ \"$(cat /proc/1/comm 2>/dev/null)\" = postgres ] && pg_isready -q -U "
            + SUPERUSER + " || pg_isready -q -h 127.0.0.1 -U " + SUPERUSER;

    private final LoggedCommands commands;
    private final String name;
    private final String workDir;
    private final Thread onShutdown;
    private boolean removed;

    private DrillContainer(LoggedCommands commands, String name, String workDir) {
        this.commands = commands;
        this.name = name;
        this.workDir = workDir;
        this.onShutdown = new Thread(this::removeQuietly, "slipway-drill-cleanup");
    }

    /**
     * Starts the container from {@code imageId}; refuses with one sentence when the engine will not.
     *
     * @param directory the stack's install directory, absolute: the label leftovers are found by
     */
    static DrillContainer start(LoggedCommands commands, String imageId, String backupId, String directory) {
        String name = "slipway-drill-" + HexFormat.of().formatHex(randomBytes(6));
        removeLeftovers(commands, directory);
        LockOwner me = LockOwner.current("restore drill");
        var argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", name,
                "--label", LABEL + "=" + backupId, "--label", DIR_LABEL + "=" + directory,
                "--label", HOST_LABEL + "=" + me.host(), "--label", PID_LABEL + "=" + me.pid(),
                "--label", STARTED_LABEL + "=" + me.startedAt(),
                "--network", "none", "--env", "POSTGRES_HOST_AUTH_METHOD=trust", imageId));
        var container = new DrillContainer(commands, name, directory);
        Runtime.getRuntime().addShutdownHook(container.onShutdown);
        boolean started = false;
        try {
            ExecResult run = commands.run(Command.in(directory, argv));
            if (!run.ok()) {
                throw SlipwayException.refused("Starting a throwaway PostgreSQL container from " + imageId + " for the"
                        + " restore drill failed (" + commands.lastWords(run) + "): check the Docker Engine on "
                        + commands.target().describe() + ".");
            }
            started = true;
            return container;
        } finally {
            if (!started) container.close(); // docker run may have created it before failing to start it
        }
    }

    /** Waits for the final server to accept connections; a container that stops meanwhile is said with its log. */
    void awaitReady(Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        Command ready = exec(false, List.of("sh", "-c", READY));
        while (true) {
            ExecResult r = commands.target().exec(ready);
            if (r.ok()) return;
            if (r.stderr().contains("is not running") || r.stderr().contains("No such container")) {
                throw SlipwayException.refused("The throwaway PostgreSQL container of the restore drill stopped before it"
                        + " was ready (" + lastLogLine() + "): the drill needs an image that starts a server by itself,"
                        + " as the official postgres images do.");
            }
            if (Instant.now().isAfter(deadline)) {
                throw SlipwayException.refused("The throwaway PostgreSQL container of the restore drill did not accept"
                        + " connections within " + budget.toSeconds() + " s (" + lastLogLine() + "): check the Docker"
                        + " Engine on " + commands.target().describe() + " and run the drill again.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SlipwayException.refused("Stopped while waiting for the restore drill's database.", e);
            }
        }
    }

    /** {@code docker exec [-i] NAME argv…}: stdin only when the command reads it. */
    Command exec(boolean stdin, List<String> argv) {
        var all = new ArrayList<>(List.of("docker", "exec"));
        if (stdin) all.add("-i");
        all.add(name);
        all.addAll(argv);
        return Command.in(workDir, all);
    }

    String name() {
        return name;
    }

    /** Removes the container and its anonymous volume; says so when it cannot, never throws. */
    @Override
    public synchronized void close() {
        if (removed) return;
        // An interrupted drill still removes its container: the removal must not see the interrupt.
        boolean interrupted = Thread.interrupted();
        try {
            ExecResult rm = commands.run(Command.in(workDir, List.of("docker", "rm", "-f", "-v", name)));
            removed = rm.ok() || rm.stderr().contains("No such container");
            if (!removed) {
                commands.log("The restore drill's container " + name + " could not be removed ("
                        + commands.lastWords(rm) + "): remove it with docker rm -f -v " + name);
            }
        } catch (RuntimeException e) {
            commands.log("The restore drill's container " + name + " could not be removed (" + e.getMessage()
                    + "): remove it with docker rm -f -v " + name);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook itself is what runs this
            }
        }
    }

    private void removeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the process is ending; the label lets the next drill find it
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private String lastLogLine() {
        ExecResult logs = commands.target().exec(Command.in(workDir, List.of("docker", "logs", "--tail", "5", name)));
        String said = commands.lastWords(logs);
        return said.startsWith("exit status") ? "it printed nothing" : said;
    }

    /**
     * Removes drill containers of this install directory whose Slipway is gone (same machine, process
     * ended): what a drill killed outright leaves. A drill still running elsewhere keeps its container.
     */
    static void removeLeftovers(LoggedCommands commands, String directory) {
        ExecResult listed = commands.target().exec(Command.in(directory, List.of("docker", "ps", "-a",
                "--filter", "label=" + DIR_LABEL + "=" + directory, "--format",
                "{{.Names}}\t{{.Label \"" + HOST_LABEL + "\"}}\t{{.Label \"" + PID_LABEL + "\"}}\t{{.Label \""
                        + STARTED_LABEL + "\"}}")));
        if (!listed.ok()) return;
        for (String line : listed.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || f[0].isBlank()) continue;
            long pid;
            try {
                pid = Long.parseLong(f[2].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (new LockOwner("", f[1], pid, f[3], "restore drill").looksStale()) {
                commands.log("Removing " + f[0] + ", the container of a restore drill that was interrupted");
                commands.run(Command.in(directory, List.of("docker", "rm", "-f", "-v", f[0].strip())));
            }
        }
    }
}
