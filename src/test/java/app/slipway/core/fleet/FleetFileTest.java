package app.slipway.core.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.fleet.FleetStacks.NodeStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet file and the checks before a rolling upgrade, without any server. */
class FleetFileTest {
    @TempDir Path temp;

    private FleetFile read(String text) throws Exception {
        Path file = temp.resolve("fleet.yml");
        Files.writeString(file, text);
        return FleetFile.read(file);
    }

    private static String nodes(int n) {
        var sb = new StringBuilder("nodes:\n");
        for (int i = 1; i <= n; i++) sb.append("  - {name: web-").append(i).append(", host: ssh://deploy@10.0.0.1").append(i)
                .append(", dir: /srv/strata}\n");
        return sb.toString();
    }

    @Test
    void thePrimaryGoesFirstThenTheOthersInBatches() throws Exception {
        FleetFile fleet = read("profile: strata\nprimary: web-3\nbatch: 2\npause: 30s\n" + nodes(5));
        assertEquals(List.of("web-3", "web-1", "web-2", "web-4", "web-5"),
                fleet.rolloutOrder().stream().map(FleetNode::name).toList());
        assertEquals(List.of(List.of("web-1", "web-2"), List.of("web-4", "web-5")),
                fleet.batches().stream().map(b -> b.stream().map(FleetNode::name).toList()).toList());
        assertEquals(Duration.ofSeconds(30), fleet.pause());
        assertEquals("strata", fleet.profile());
    }

    @Test
    void defaultsAndPathsRelativeToTheFile() throws Exception {
        FleetFile fleet = read("profile: profiles/app.yml\nnodes:\n  - {name: a, host: local, dir: /srv/a, identity: keys/id}\n");
        assertEquals("a", fleet.primary());
        assertEquals(1, fleet.batch());
        assertEquals(temp.resolve("profiles/app.yml").toString(), fleet.profile());
        assertEquals(Optional.of(temp.resolve("keys/id")), fleet.nodes().get(0).identity());
    }

    @Test
    void mistakesAreOneSentenceAndExitTwo() {
        for (String[] c : new String[][] {
                {"profile: strata\nprimary: web-9\n" + nodes(2), "primary 'web-9' is not one of its nodes"},
                {"profile: strata\n" + nodes(1) + "  - {name: web-1, host: local, dir: /srv/b}\n", "names node 'web-1' twice"},
                {"profile: strata\nnodes:\n  - {name: a, host: ftp://x, dir: /srv}\n", "host must be local or ssh://"},
                {"profile: strata\nnodes:\n  - {name: a, host: local, dir: srv}\n", "dir must be an absolute path"},
                {"profile: strata\nbatch: 0\n" + nodes(2), "batch must be a whole number"},
                {"nodes: []\nprofile: strata\n", "needs nodes"}}) {
            var e = assertThrows(SlipwayException.class, () -> read(c[0]));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void aWrittenFleetFileReadsBackAsWritten() {
        var nodes = List.of(new FleetNode("web-1", "ssh://deploy@vps-1.example.com:2222", "/srv/my \"strata\"",
                        Optional.of(temp.resolve("id_ed25519")), Optional.empty()),
                new FleetNode("web-2", "ssh://deploy@vps-2", "/srv/strata: main", Optional.empty(), Optional.empty()));
        FleetFile read = FleetFileWriter.write(temp.resolve("fleets/strata.yml"), "strata", "web-2", 1, nodes);
        assertEquals(nodes, read.nodes());
        assertEquals("web-2", read.primary());
        assertEquals("strata", read.profile());
    }

    @Test
    void secretsAreComparedByHashAndDifferingOnesNamedWithTheirNodes() throws Exception {
        var a = new FakeStack(temp.resolve("a").toFile().mkdirs() ? temp.resolve("a") : temp.resolve("a"));
        var b = new FakeStack(temp.resolve("b").toFile().mkdirs() ? temp.resolve("b") : temp.resolve("b"));
        b.host.file(FakeStack.DIR + "/.env", FakeStack.ENV.replace(FakeStack.SECRET, "another-secret-value-0000000000"), 0600);
        var nodes = List.of(new NodeStack(new FleetNode("web-1", "local", FakeStack.DIR, Optional.empty(), Optional.empty()),
                        a.connection, a.read()),
                new NodeStack(new FleetNode("web-2", "local", FakeStack.DIR, Optional.empty(), Optional.empty()),
                        b.connection, b.read()));
        assertEquals(List.of(List.of("web-1"), List.of("web-2")), FleetParity.differingSecrets(nodes).get("APP_SECRET_KEY"));
        var e = assertThrows(SlipwayException.class, () -> FleetParity.require(nodes));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Secrets differ between the nodes: APP_SECRET_KEY (web-1 / web-2). Every node needs the same values:"
                + " copy them from the primary's .env; nothing was changed.", e.getMessage());
    }
}
