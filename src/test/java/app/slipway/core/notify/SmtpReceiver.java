package app.slipway.core.notify;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SMTP server on 127.0.0.1 for the tests: {@code src/test/resources/smtp/receiver.py} on
 * Debian's python3-aiosmtpd (testbed/up.sh installs it). Fails, never skips, with what to install
 * when it is missing.
 */
public final class SmtpReceiver implements AutoCloseable {
    /** One message as the server saved it. */
    public record Received(String from, List<String> to, boolean tls, boolean authenticated, String data) {}

    private final Process process;
    private final Path out;
    private final int port;

    private SmtpReceiver(Process process, Path out, int port) {
        this.process = process;
        this.out = out;
        this.port = port;
    }

    /** A plain server, no TLS, no login. */
    public static SmtpReceiver start(Path dir) {
        return start(dir, null, null, Map.of());
    }

    /**
     * @param cert with {@code key}: STARTTLS offered and required
     * @param login {@code SMTP_TEST_USER} and {@code SMTP_TEST_PASSWORD}: that login required (over TLS)
     */
    public static SmtpReceiver start(Path dir, Path cert, Path key, Map<String, String> login) {
        return start(dir, cert, key, login, false);
    }

    /** As above, but TLS from the first byte (SMTPS) instead of STARTTLS. */
    public static SmtpReceiver startImplicitTls(Path dir, Path cert, Path key, Map<String, String> login) {
        return start(dir, cert, key, login, true);
    }

    private static SmtpReceiver start(Path dir, Path cert, Path key, Map<String, String> login, boolean implicitTls) {
        Path out = dir.resolve("smtp-received-" + System.nanoTime());
        List<String> argv = new ArrayList<>(List.of(python(), script().toString(), "--out", out.toString()));
        if (cert != null) argv.addAll(List.of("--cert", cert.toString(), "--key", key.toString()));
        if (implicitTls) argv.add("--implicit-tls");
        try {
            Files.createDirectories(out);
            var builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().putAll(login);
            Process process = builder.start();
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("PORT ")) {
                String rest = first == null ? "" : first + "\n" + drain(reader);
                process.destroyForcibly();
                if (rest.contains("No module named 'aiosmtpd'") || rest.contains("No module named aiosmtpd")) {
                    fail("The SMTP test server needs aiosmtpd for " + python() + ": run testbed/up.sh, or apt-get install -y"
                            + " python3-aiosmtpd.");
                }
                fail("The SMTP test server did not start: " + rest);
            }
            Thread drainer = new Thread(() -> drain(reader), "smtp-receiver-output"); // keeps its pipe from filling
            drainer.setDaemon(true);
            drainer.start();
            return new SmtpReceiver(process, out, Integer.parseInt(first.substring(5).strip()));
        } catch (Exception e) {
            throw new AssertionError("cannot start the SMTP test server (" + String.join(" ", argv) + ")", e);
        }
    }

    private static String drain(BufferedReader reader) {
        var text = new StringBuilder();
        try {
            for (String line; (line = reader.readLine()) != null; ) text.append(line).append('\n');
        } catch (IOException ignored) {
            // the server is gone
        }
        return text.toString();
    }

    /** Debian's interpreter, where python3-aiosmtpd lives, even when another python3 comes first on the PATH. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static Path script() {
        try {
            return Path.of(SmtpReceiver.class.getResource("/smtp/receiver.py").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    public int port() {
        return port;
    }

    /** The messages received so far, in order. */
    public List<Received> received() {
        var messages = new ArrayList<Received>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path meta : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = new ObjectMapper().readTree(meta.toFile());
                List<String> to = new ArrayList<>();
                json.get("to").forEach(t -> to.add(t.asText()));
                String data = Files.readString(Path.of(meta.toString().replace(".json", ".eml")), StandardCharsets.UTF_8);
                messages.add(new Received(json.get("from").asText(), to, json.get("tls").asBoolean(),
                        json.get("authenticated").asBoolean(), data));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return messages;
    }

    /** Waits until {@code count} messages are in (the server saves a message just after accepting it). */
    public List<Received> await(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Received> now = received();
            if (now.size() >= count) return now;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("the SMTP test server received " + received().size() + " messages, not " + count);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
