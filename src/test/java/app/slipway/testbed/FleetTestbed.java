package app.slipway.testbed;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The several servers testbed/fleet-up.sh made: network namespaces slipway-node-1…N at
 * 10.203.0.11…, each with its own engine and sshd. A test that finds no fleet fails with the
 * command that makes one; it never skips.
 */
public final class FleetTestbed {
    private final Properties props = new Properties();

    private FleetTestbed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
    }

    public static FleetTestbed require() {
        Path file = Path.of(System.getenv().getOrDefault("SLIPWAY_TESTBED_DIR", "/var/lib/slipway-testbed"))
                .resolve("fleet/fleet.properties");
        if (!Files.exists(file)) fail("No fleet testbed (" + file + "): run `sudo testbed/fleet-up.sh` first.");
        try {
            return new FleetTestbed(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    public int nodes() {
        return Integer.parseInt(props.getProperty("nodes"));
    }

    /** 10.203.0.(10 + i), the node's own address. */
    public String address(int node) {
        return "10.203.0." + (10 + node);
    }

    public String namespace(int node) {
        return "slipway-node-" + node;
    }

    /** The node's engine, as DOCKER_HOST. */
    public String dockerHost(int node) {
        return "unix://" + props.getProperty("run") + "/node-" + node + "/docker.sock";
    }

    public Path sshKey() {
        return Path.of(props.getProperty("ssh.key"));
    }

    public Path knownHosts() {
        return Path.of(props.getProperty("known_hosts"));
    }
}
