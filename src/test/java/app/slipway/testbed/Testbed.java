package app.slipway.testbed;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The real testbed started by {@code testbed/up.sh} (README §The two commands (Test)): Docker Engine, local registry,
 * sshd on 127.0.0.1 and the fixture images; beside them a bastion (an sshd that only forwards), a client key with a
 * passphrase and the same registry behind a login. Reads {@code testbed.properties} from
 * {@code $SLIPWAY_TESTBED_DIR} (default {@code /var/lib/slipway-testbed}).
 *
 * <p>Tests that need real parts call {@link #require()} first: it fails (never skips) with a
 * sentence naming what is missing.
 */
public final class Testbed {

    public static final String DEFAULT_DIR = "/var/lib/slipway-testbed";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static Testbed verified;

    private final Path dir;
    private final Properties props;

    private Testbed(Path dir, Properties props) {
        this.dir = dir;
        this.props = props;
    }

    /** The testbed's state directory: {@code $SLIPWAY_TESTBED_DIR}, else the default. */
    public static Path dir() {
        String env = System.getenv("SLIPWAY_TESTBED_DIR");
        return Path.of(env == null || env.isBlank() ? DEFAULT_DIR : env);
    }

    /**
     * Loads the properties and checks that the engine, the registry and sshd answer; fails the
     * test with a plain sentence when anything is missing. Checked once per JVM.
     */
    public static synchronized Testbed require() {
        if (verified != null) {
            return verified;
        }
        Testbed testbed = load();
        List<String> problems = new ArrayList<>();
        try {
            String ping = testbed.engineGet("/_ping");
            if (!ping.startsWith("HTTP/1.1 200") || !ping.endsWith("OK")) {
                problems.add("the Docker Engine at " + testbed.dockerSocket() + " answered /_ping with: "
                        + firstLine(ping));
            }
        } catch (IOException e) {
            problems.add("the Docker Engine does not answer on " + testbed.dockerSocket() + " (" + describe(e) + ")");
        }
        try {
            int status = testbed.registryGet("/v2/").statusCode();
            if (status != 200) {
                problems.add("the registry at http://" + testbed.registry() + "/v2/ answered HTTP " + status);
            }
        } catch (IOException e) {
            problems.add("the registry does not answer at http://" + testbed.registry() + "/v2/ (" + describe(e) + ")");
        }
        try {
            String banner = testbed.sshBanner();
            if (!banner.startsWith("SSH-2.0-")) {
                problems.add("sshd on " + testbed.sshHost() + ":" + testbed.sshPort() + " sent no SSH banner: " + banner);
            }
        } catch (IOException e) {
            problems.add("sshd does not accept connections on " + testbed.sshHost() + ":" + testbed.sshPort()
                    + " (" + describe(e) + ")");
        }
        for (Path file : List.of(testbed.sshKey(), testbed.knownHosts(), testbed.wrongKnownHosts(),
                testbed.passwordFile(), testbed.fixtureDir().resolve("compose.yml"))) {
            if (!Files.isReadable(file)) {
                problems.add(file + " is missing or unreadable");
            }
        }
        if (!problems.isEmpty()) {
            fail("The Slipway testbed is not usable: " + String.join("; ", problems)
                    + ". Start it with `sudo testbed/up.sh` (state dir " + testbed.dir + ").");
        }
        verified = testbed;
        return testbed;
    }

    /** Loads {@code testbed.properties} without checking the servers; fails when the file is absent. */
    public static Testbed load() {
        Path dir = dir();
        Path file = dir.resolve("testbed.properties");
        if (!Files.isReadable(file)) {
            fail("The Slipway testbed is not set up: " + file + " does not exist. Run `sudo testbed/up.sh`"
                    + " (or set SLIPWAY_TESTBED_DIR to its state directory).");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            fail("The Slipway testbed's " + file + " cannot be read: " + e.getMessage());
        }
        return new Testbed(dir, props);
    }

    // ---- typed getters ------------------------------------------------------------------------

    public Path stateDir() { return dir; }

    /** e.g. {@code unix:///var/run/docker.sock} */
    public String dockerHost() { return get("docker.host"); }

    public Path dockerSocket() {
        String host = dockerHost();
        if (!host.startsWith("unix://")) {
            fail("The Slipway testbed's docker.host is not a unix socket: " + host);
        }
        return Path.of(host.substring("unix://".length()));
    }

    /** {@code 127.0.0.1:5555} */
    public String registry() { return get("registry"); }

    public String sshHost() { return get("ssh.host"); }

    public int sshPort() { return Integer.parseInt(get("ssh.port")); }

    /** Client private key (ed25519, no passphrase), authorized for root, the docker user and the no-docker user. */
    public Path sshKey() { return Path.of(get("ssh.key")); }

    /** known_hosts holding the testbed sshd's real host key as {@code [127.0.0.1]:2222}. */
    public Path knownHosts() { return Path.of(get("ssh.known_hosts")); }

    /** known_hosts holding an unrelated ed25519 key for the same host and port (mismatch tests). */
    public Path wrongKnownHosts() { return Path.of(get("ssh.known_hosts.wrong")); }

    public Path passwordFile() { return Path.of(get("ssh.password.file")); }

    /** Password of the docker user (and of the no-docker user). */
    public String password() {
        try {
            return Files.readString(passwordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return fail("The Slipway testbed's password file " + passwordFile() + " cannot be read: " + e.getMessage());
        }
    }

    /** A user in group docker, with a password and the client key. */
    public String dockerUser() { return get("ssh.docker.user"); }

    /** A user NOT in group docker: the engine socket refuses it. */
    public String nodockerUser() { return get("ssh.nodocker.user"); }

    /**
     * A second client key (ed25519) locked with {@link #keyPassphrase()}, authorized like {@link #sshKey()}: for root,
     * the docker user and the no-docker user, on the sshd, the bastion and the fleet nodes.
     */
    public Path passphraseKey() { return Path.of(get("ssh.key.passphrase.file")); }

    /** The passphrase of {@link #passphraseKey()} (a fixed testbed value). */
    public String keyPassphrase() { return get("ssh.key.passphrase"); }

    /**
     * {@code 127.0.0.1}: the bastion, a second sshd with the same users, keys and password as the testbed's sshd that
     * runs no command, shell, tty or sftp and only forwards ({@code ssh -J}) to {@code sshHost():sshPort()} and to port
     * 22 of the fleet nodes (10.203.0.0/24).
     */
    public String bastionHost() { return get("bastion.host"); }

    /** {@code 2223}; {@link #knownHosts()} holds the bastion's own host key as {@code [127.0.0.1]:2223}. */
    public int bastionPort() { return Integer.parseInt(get("bastion.port")); }

    /**
     * {@code 127.0.0.1:5556}: the storage of {@link #registry()} served again, read-only, behind a login (HTTP basic,
     * htpasswd): every fixture image is also at {@code 127.0.0.1:5556/…}; {@code /v2/} answers 401 without
     * {@link #authRegistryUser()} and {@link #authRegistryPassword()}.
     */
    public String authRegistry() { return get("registry.auth"); }

    /** {@code slipway}: the only user of {@link #authRegistry()}. */
    public String authRegistryUser() { return get("registry.auth.user"); }

    /** The password of {@link #authRegistryUser()} on {@link #authRegistry()} (a fixed testbed value). */
    public String authRegistryPassword() { return get("registry.auth.password"); }

    /** {@code 127.0.0.1:5555/slipway-fixture/app} (without tag). */
    public String fixtureImage() { return get("fixture.image"); }

    /** {@code fixtureImage():version} */
    public String fixtureImage(String version) { return fixtureImage() + ":" + version; }

    /** {@code 127.0.0.1:5555/slipway-fixture/postgres:15} */
    public String postgresImage() { return get("fixture.postgres.image"); }

    /** 1.0.0: the legacy era (a {@code worker} service, compose-legacy.yml). */
    public String legacyVersion() { return get("fixture.version.legacy"); }

    /** 2.0.0: the current era (a {@code job} service and a one-shot {@code migrate}, compose.yml). */
    public String currentVersion() { return get("fixture.version.current"); }

    /** 2.1.0: the next current-era release. */
    public String nextVersion() { return get("fixture.version.next"); }

    /** 3.0.0: web never becomes healthy (/up answers 404). */
    public String unhealthyVersion() { return get("fixture.version.unhealthy"); }

    /** A tag whose web and job cannot start (no program to run): ECS's "tasks failed to start". */
    public String crashingVersion() { return get("fixture.version.crashing"); }

    public List<String> fixtureVersions() {
        return List.of(legacyVersion(), currentVersion(), nextVersion(), unhealthyVersion(), crashingVersion());
    }

    /** {@code testbed/fixture} in the repository: compose-legacy.yml, compose.yml, env.example, profile.yml. */
    public Path fixtureDir() { return Path.of(get("fixture.dir")); }

    public Path fixtureProfile() { return fixtureDir().resolve("profile.yml"); }

    /** Port of the fixture's web service on 127.0.0.1 (its health URL is {@code http://127.0.0.1:PORT/up}). */
    public int fixturePort() { return Integer.parseInt(get("fixture.port")); }

    public String property(String key) { return get(key); }

    // ---- probes -------------------------------------------------------------------------------

    /**
     * A raw HTTP/1.1 GET to the engine socket; returns the whole response (status line, headers,
     * body). Meant for small responses such as {@code /_ping} or {@code /version}.
     */
    public String engineGet(String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dockerSocket()));
            String request = "GET " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            try (InputStream in = Channels.newInputStream(channel)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** GET {@code http://REGISTRY + path}. */
    public HttpResponse<String> registryGet(String path) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + registry() + path))
                .timeout(TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Puts the testbed's small shell-less image into the registry again as {@code repository:tag}
     * (its blobs mounted, its manifest put under the new name), for tests whose profile needs
     * repositories and tags of its own that a registry really has. Returns {@code REGISTRY/repository}.
     */
    public String registryCopy(String repository, String tag) throws IOException {
        String source = "slipway-fixture/noshell";
        String manifestType = "application/vnd.docker.distribution.manifest.v2+json";
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String base = "http://" + registry() + "/v2/";
        try {
            String manifest = client.send(HttpRequest.newBuilder(URI.create(base + source + "/manifests/1"))
                    .header("Accept", manifestType).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
            var digests = java.util.regex.Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]+)\"").matcher(manifest);
            while (digests.find()) {
                var mount = client.send(HttpRequest.newBuilder(URI.create(base + repository + "/blobs/uploads/?mount="
                        + digests.group(1) + "&from=" + source)).timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (mount.statusCode() != 201) throw new IOException("mounting " + digests.group(1) + " into "
                        + repository + ": HTTP " + mount.statusCode());
            }
            var put = client.send(HttpRequest.newBuilder(URI.create(base + repository + "/manifests/" + tag))
                    .header("Content-Type", manifestType).timeout(TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 201) throw new IOException("putting " + repository + ":" + tag + ": HTTP "
                    + put.statusCode() + " " + put.body());
            return registry() + "/" + repository;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Connects to sshd and returns its identification line (e.g. {@code SSH-2.0-OpenSSH_9.2p1 …}). */
    public String sshBanner() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(sshHost(), sshPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n' && line.length() < 255) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    private String get(String key) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            fail("The Slipway testbed's " + dir.resolve("testbed.properties") + " has no " + key
                    + "; re-run `sudo testbed/up.sh`.");
        }
        return value.strip();
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
