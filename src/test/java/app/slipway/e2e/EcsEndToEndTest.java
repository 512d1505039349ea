package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.ecs.EcsStandIn;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway ecs} where only a real engine can show it: the ECS stand-in's tasks are the fixture
 * product's containers on the testbed engine, its load balancer answers {@code /up} from them, and
 * the failing release's logs come from CloudWatch as the stand-in collects them from the containers.
 */
class EcsEndToEndTest {
    static final String SECRET = "e2e-secret-key-base-9f8e7d6c";
    static Testbed testbed;
    static EcsStandIn standIn;

    @BeforeAll
    static void standIn() throws IOException {
        testbed = Testbed.require();
        standIn = EcsStandIn.onEngine(testbed.dockerHost());
        app.slipway.ecs.StandInAws.use(standIn);
    }

    @AfterAll
    static void stop() {
        if (standIn != null) standIn.close();
        app.slipway.ecs.StandInAws.forget();
    }

    /** web (behind the load balancer, on a port of its own) and job, both on the fixture's current version. */
    private static String cluster() throws IOException {
        String cluster = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        String image = testbed.fixtureImage(testbed.currentVersion());
        standIn.service(cluster, "web", cluster + "-web")
                .container("web", image, List.of("/bin/web"), Map.of("FIXTURE_PORT", Integer.toString(port),
                        "FIXTURE_SECRET_KEY", SECRET), port)
                .awslogs("/ecs/" + cluster, "ecs").healthPath("/up").healthGrace(Duration.ofSeconds(8)).create();
        standIn.service(cluster, "job", cluster + "-job")
                .container("job", image, List.of("/bin/job"), Map.of("FIXTURE_SECRET_KEY", SECRET), 0)
                .awslogs("/ecs/" + cluster, "ecs").create();
        return cluster;
    }

    private static CliRun ecs(String cluster, String verb, String... more) {
        var args = new ArrayList<>(List.of("ecs", verb, "--cluster", cluster, "--services", "web,job", "--region",
                "eu-west-1", "--profile", testbed.fixtureProfile().toString(), "--poll-every", "250ms", "--health-url",
                standIn.loadBalancer(cluster, "web").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String up(String cluster) throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                standIn.loadBalancer(cluster, "web").resolve("/up")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body().strip();
    }

    @Test
    void anUpgradeMovesWebThenJobToTheNewContainersAndRollbackBringsTheOldOnesBack() throws Exception {
        String c = cluster();
        assertEquals("200 " + testbed.currentVersion(), up(c));
        CliRun run = ecs(c, "upgrade", "--to", testbed.nextVersion(), "--yes");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("200 " + testbed.nextVersion(), up(c));
        assertEquals(List.of(testbed.fixtureImage(testbed.nextVersion())), standIn.runningImages(c, "job"));
        assertFalse(run.out().contains(SECRET), run.out());

        CliRun back = ecs(c, "rollback", "--yes");
        assertEquals(0, back.exitCode(), back.toString());
        assertEquals("200 " + testbed.currentVersion(), up(c));
        assertEquals(List.of(testbed.fixtureImage(testbed.currentVersion())), standIn.runningImages(c, "job"));
    }

    @Test
    void aReleaseThatCannotStartIsRolledBackByTheBreakerAndTheRunSaysWhyWithJobUntouched() throws Exception {
        String c = cluster();
        CliRun run = ecs(c, "upgrade", "--to", testbed.crashingVersion(), "--yes");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("web is back on " + c + "-web:1; job was not changed"), run.toString());
        assertTrue(run.out().contains("Last log lines of web:"), run.out());
        assertTrue(run.out().contains("stopped:") || run.err().contains("stopped:"), "the stopped tasks' reason:\n" + run);
        assertEquals("200 " + testbed.currentVersion(), up(c), "the old version serves");
        assertEquals(List.of(testbed.fixtureImage(testbed.currentVersion())), standIn.runningImages(c, "job"));
        assertFalse(run.out().contains(SECRET), run.out());
    }

    @Test
    void aReleaseThatNeverBecomesHealthyFailsTheLoadBalancersCheckAndGoesBack() throws Exception {
        String c = cluster();
        CliRun run = ecs(c, "upgrade", "--to", testbed.unhealthyVersion(), "--yes");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("web is back on " + c + "-web:1"), run.toString());
        // The web's own log, read back from CloudWatch, is in the result.
        assertTrue(run.out().contains("never becomes healthy") || run.err().contains("never becomes healthy"), run.toString());
        assertEquals("200 " + testbed.currentVersion(), up(c));
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
