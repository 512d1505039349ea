package app.slipway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.e2e.CliRun;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway fleet} against real servers: three network-namespace hosts of the fleet testbed
 * (testbed/fleet-up.sh), each with its own sshd and Docker Engine, reached over SSH at 10.203.0.1x.
 */
class FleetEndToEndTest {
    private static final String OLD = "2.0.0";
    private static final String NEW = "2.1.0";

    /** Asks every node for /up, round after round, and notes a round in which none answered. */
    private static final class Poller implements AutoCloseable {
        final AtomicBoolean allDown = new AtomicBoolean();
        final AtomicInteger rounds = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Poller(FleetStack stack) {
            thread = new Thread(() -> {
                while (!stop.get()) {
                    boolean any = false;
                    for (int i = 1; i <= stack.nodes; i++) any |= stack.up(i) != null;
                    if (!any) allDown.set(true);
                    rounds.incrementAndGet();
                }
            }, "fleet-poller");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }

    private static CliRun fleet(FleetStack stack, String... args) {
        var all = new ArrayList<>(List.of("fleet"));
        all.addAll(List.of(args));
        all.addAll(List.of("--fleet", stack.fleetFile.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aRollingUpgradeKeepsANodeServingAndMigratesOneNodeAtATimeThePrimaryFirst() throws Exception {
        try (FleetStack stack = new FleetStack(3, OLD, Map.of(), Map.of())) {
            CliRun run;
            Poller poller = new Poller(stack);
            try (poller) {
                run = fleet(stack, "upgrade", "--to", NEW, "--skip-backup", "--yes");
            }
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(poller.rounds.get() > 20, "the poller kept asking: " + poller.rounds.get() + " rounds");
            assertFalse(poller.allDown.get(), "some node served /up at every moment of the rolling upgrade");
            for (int i = 1; i <= 3; i++) assertEquals(NEW, stack.up(i));
            assertEquals(List.of("start web-1 " + NEW, "end web-1 " + NEW, "start web-2 " + NEW, "end web-2 " + NEW,
                    "start web-3 " + NEW, "end web-3 " + NEW), stack.migrationLog(),
                    "the primary migrates first and alone; never two nodes at once");

            // The control, that the poller does see a fleet down: the hand-typed way, every node at once, with a
            // release that never becomes healthy (3.0.0) — the window is certain, not a race of milliseconds.
            Poller control = new Poller(stack);
            try (control) {
                var threads = new ArrayList<Thread>();
                for (int i = 1; i <= 3; i++) {
                    int node = i;
                    Files.writeString(stack.dir(node).resolve(".env"), Files.readString(stack.dir(node).resolve(".env"))
                            .replace("FIXTURE_VERSION=" + NEW, "FIXTURE_VERSION=" + stack.testbed.unhealthyVersion()));
                    threads.add(new Thread(() -> {
                        try {
                            stack.compose(node, "up", "-d", "--remove-orphans");
                        } catch (AssertionError expected) {
                            // Compose gives up on job: web never becomes healthy. That is the point here.
                        }
                    }));
                }
                threads.forEach(Thread::start);
                for (Thread t : threads) t.join();
                FleetStack.sleep(3000);
            }
            assertTrue(control.allDown.get(), "the same release typed on every node at once takes the whole fleet down");
        }
    }

    @Test
    void differingSecretsAreRefusedWithNothingChangedAndNoValueShown() throws Exception {
        String other = "ffffffffffffffffffffffffffffffff";
        try (FleetStack stack = new FleetStack(3, OLD, Map.of(3, "FIXTURE_SECRET_KEY=" + other + "\n"), Map.of())) {
            String env3 = Files.readString(stack.dir(3).resolve(".env"));
            CliRun run = fleet(stack, "upgrade", "--to", NEW, "--yes");

            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Secrets differ between the nodes: FIXTURE_SECRET_KEY (web-1 and web-2 / web-3)"),
                    run.toString());
            assertFalse(run.out().contains(other) || run.err().contains(other) || run.out().contains(FleetStack.SECRET)
                    || run.err().contains(FleetStack.SECRET), "no secret value printed:\n" + run);
            assertEquals(env3, Files.readString(stack.dir(3).resolve(".env")));
            for (int i = 1; i <= 3; i++) assertEquals(OLD, stack.up(i));
            assertTrue(stack.migrationLog().isEmpty(), "nothing restarted");

            CliRun status = fleet(stack, "status");
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.out().contains("differ: FIXTURE_SECRET_KEY"), status.out());
        }
    }

    @Test
    void aNodeThatFailsVerificationTakesTheUpgradedNodesBackNewestFirst() throws Exception {
        // web-3 carries a check that fails on 2.1.0 only: it is upgraded last, after web-1 and web-2 succeeded.
        String check = "\n  check:\n    image: 127.0.0.1:5555/slipway-fixture/app:${FIXTURE_VERSION:-2.0.0}\n"
                + "    command: [\"/bin/sh\", \"-c\", \"test \\\"$$(cat /version)\\\" != " + NEW + "\"]\n"
                + "    network_mode: host\n    restart: \"no\"\n";
        try (FleetStack stack = new FleetStack(3, OLD, Map.of(), Map.of(3, check))) {
            CliRun run = fleet(stack, "upgrade", "--to", NEW, "--yes");

            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.err().contains("every node is back on " + OLD + " (web-2, then web-1 went back, newest first)"),
                    run.toString());
            for (int i = 1; i <= 3; i++) assertEquals(OLD, stack.up(i), "node " + i + " serves the old version again");
            for (int i = 1; i <= 3; i++) {
                assertTrue(Files.readString(stack.dir(i).resolve(".env")).contains("FIXTURE_VERSION=" + OLD + "\n"));
                String history = Files.readString(stack.dir(i).resolve(".slipway/history.jsonl"));
                assertTrue(history.contains("\"rolled-back\""), "node " + i + "'s own history says so:\n" + history);
            }
        }
    }

    /** A fleet upgrade killed while web-2 restarts: web-1 is upgraded, web-2 half, web-3 untouched. */
    private static void killWhileTheSecondNodeRestarts(FleetStack stack) throws Exception {
        var run = app.slipway.e2e.SlipwayProcess.start(List.of("fleet", "upgrade", "--fleet", stack.fleetFile.toString(),
                "--to", NEW, "--yes"));
        run.awaitLine("web-2 [8/10] Restart", java.time.Duration.ofSeconds(180));
        run.kill();
        CliRun status = fleet(stack, "status");
        assertTrue(status.out().contains("was interrupted after web-1 had been upgraded"), status.toString());
        CliRun again = fleet(stack, "upgrade", "--to", NEW, "--yes");
        assertEquals(3, again.exitCode(), again.toString());
        assertTrue(again.err().contains("'slipway fleet upgrade --resume' to finish it"), again.toString());
    }

    @Test
    void aKilledFleetRunIsFinishedByResume() throws Exception {
        try (FleetStack stack = new FleetStack(3, OLD, Map.of(), Map.of())) {
            killWhileTheSecondNodeRestarts(stack);

            CliRun resumed = fleet(stack, "upgrade", "--to", NEW, "--resume", "--break-lock", "--yes");
            assertEquals(0, resumed.exitCode(), resumed.toString());
            for (int i = 1; i <= 3; i++) assertEquals(NEW, stack.up(i), "node " + i);
            for (int i = 1; i <= 3; i++) assertFalse(Files.exists(stack.dir(i).resolve(".slipway/journal.json")));
            assertFalse(fleet(stack, "status").out().contains("interrupted"));
        }
    }

    @Test
    void aKilledFleetRunIsUndoneByFleetRollback() throws Exception {
        try (FleetStack stack = new FleetStack(3, OLD, Map.of(), Map.of())) {
            killWhileTheSecondNodeRestarts(stack);

            CliRun back = fleet(stack, "rollback", "--break-lock", "--yes");
            assertEquals(0, back.exitCode(), back.toString());
            for (int i = 1; i <= 3; i++) assertEquals(OLD, stack.up(i), "node " + i);
            for (int i = 1; i <= 3; i++) {
                assertTrue(Files.readString(stack.dir(i).resolve(".env")).contains("FIXTURE_VERSION=" + OLD + "\n"));
            }
        }
    }

    @Test
    void aNodeThatCannotBeReachedStopsTheRunBeforeAnyChange() throws Exception {
        try (FleetStack stack = new FleetStack(2, OLD, Map.of(), Map.of())) {
            Files.writeString(stack.fleetFile, Files.readString(stack.fleetFile) + "  - name: web-9\n"
                    + "    host: ssh://root@10.203.0.19\n    dir: /srv/nowhere\n    identity: " + stack.fleet.sshKey()
                    + "\n    known_hosts: " + stack.fleet.knownHosts() + "\n");
            CliRun run = fleet(stack, "upgrade", "--to", NEW, "--yes");

            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Node web-9 of fleet.yml cannot be used, so nothing was changed on any node"),
                    run.toString());
            for (int i = 1; i <= 2; i++) assertEquals(OLD, stack.up(i));
            assertTrue(stack.migrationLog().isEmpty());
        }
    }
}
