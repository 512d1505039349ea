package app.slipway.core.steps;

import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.host.Target;
import app.slipway.core.stack.EnvFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What a stack's files on disk describe once a run has written them: the .env values and Compose's
 * model. Verification needs both; {@link #readAhead()} starts the read beside {@code up -d} (the
 * files are final by then), so verification does not wait for it — with Compose v1 that read is
 * about half a second of Python (README "Benchmarks").
 */
public final class FilesInForce {
    /** The .env values in force and Compose's model of the files. */
    public record Read(Map<String, String> env, ComposeModel model) {}

    private final Target host;
    private final ComposeCommands compose;
    private final String envPath;
    private CompletableFuture<Read> ahead;

    public FilesInForce(Target host, ComposeCommands compose, String envPath) {
        this.host = host;
        this.compose = compose;
        this.envPath = envPath;
    }

    /** Starts reading now, on another thread; {@link #read()} then waits for that read. */
    public synchronized void readAhead() {
        ahead = CompletableFuture.supplyAsync(this::readNow, runnable -> {
            Thread t = new Thread(runnable, "slipway-read-ahead");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * The read started by {@link #readAhead()} (taken once), or a fresh one.
     *
     * @throws CancellationException when the thread is interrupted while waiting
     */
    public Read read() {
        CompletableFuture<Read> pending;
        synchronized (this) {
            pending = ahead;
            ahead = null;
        }
        if (pending == null) return readNow();
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the stack's files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private Read readNow() {
        Map<String, String> env = host.stat(envPath).isPresent()
                ? EnvFile.parse(new String(host.readFile(envPath), StandardCharsets.UTF_8)).values()
                : Map.of();
        return new Read(env, ComposeModelReader.read(host, compose, env));
    }
}
