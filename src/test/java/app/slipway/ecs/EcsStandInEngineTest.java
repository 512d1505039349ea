package app.slipway.ecs;

import static app.slipway.ecs.Sdk.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks as real containers on the testbed's engine (fixture images from its registry). Fails, never skips, when
 * the testbed is missing.
 */
class EcsStandInEngineTest {
    private static Testbed testbed;
    private static EcsStandIn standIn;
    private static EcsClient ecs;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        testbed = Testbed.require();
        standIn = EcsStandIn.onEngine(testbed.dockerHost());
        ecs = Sdk.ecs(standIn);
        logs = Sdk.logs(standIn);
    }

    @AfterAll
    static void stop() {
        if (ecs != null) ecs.close();
        if (logs != null) logs.close();
        if (standIn != null) standIn.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String get(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body().strip();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String update(String version) {
        String arn = Sdk.registerWithImage(ecs, standIn.taskDefinitionOf("prod", "web"), testbed.fixtureImage(version));
        return ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition(arn)).service().deployments().get(0).id();
    }

    @Test
    void upgradesRunRealContainersAndACrashingReleaseRollsBack() throws Exception {
        int port = freePort();
        standIn.service("prod", "web", "web")
                .container("web", testbed.fixtureImage("2.0.0"), List.of("/bin/web"), Map.of("FIXTURE_PORT", Integer.toString(port)), port)
                .awslogs("/ecs/web", "ecs").healthPath("/up").healthGrace(Duration.ofSeconds(5)).create();
        URI up = standIn.loadBalancer("prod", "web").resolve("/up");
        assertEquals("200 2.0.0", get(up));

        update("2.1.0");
        Sdk.waitStable(ecs, "prod", "web");
        assertEquals("200 2.1.0", get(up));
        assertEquals(List.of(testbed.fixtureImage("2.1.0")), standIn.runningImages("prod", "web"));
        String good = standIn.taskDefinitionOf("prod", "web");

        String taskId = Arns.last(ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns().get(0));
        String line = await("the web task's first line in its stream", Duration.ofSeconds(10), () ->
                logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName("ecs/web/" + taskId).startFromHead(true))
                        .events().stream().map(OutputLogEvent::message).filter(m -> m.startsWith("web 2.1.0")).findFirst()
                        .orElse(null));
        assertEquals("web 2.1.0 listening on 127.0.0.1:" + port, line);

        String crashing = update(testbed.crashingVersion());
        Service rolledBack = await("the rollback to 2.1.0 completes", Duration.ofSeconds(60), () -> {
            Service s = Sdk.service(ecs, "prod", "web");
            return s.deployments().size() == 1 && s.deployments().get(0).rolloutStateAsString().equals("COMPLETED")
                    && !s.deployments().get(0).id().equals(crashing) ? s : null;
        });
        assertEquals(good, rolledBack.taskDefinition());
        assertEquals("200 2.1.0", get(up));
        List<String> stopped = ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)
                .startedBy(crashing)).taskArns();
        assertEquals(3, stopped.size());
        Task failed = ecs.describeTasks(r -> r.cluster("prod").tasks(stopped.get(0))).tasks().get(0);
        assertEquals("TaskFailedToStart", failed.stopCodeAsString());
        assertTrue(failed.stoppedReason().startsWith("CannotStartContainerError: ") && failed.stoppedReason().contains("/bin/web"),
                failed.stoppedReason());
        // the old task's lines outlive its container
        assertTrue(logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName("ecs/web/" + taskId).startFromHead(true))
                .events().stream().anyMatch(e -> e.message().equals("web 2.1.0 stopping")));
    }

    @Test
    void aContainerThatExitsStopsItsTaskAndAMissingTagCannotBePulled() {
        standIn.service("prod", "once", "once")
                .container("job", testbed.fixtureImage("2.0.0"), List.of("/bin/sh", "-c", "echo bye; sleep 1; exit 3"), Map.of(), 0)
                .awslogs("/ecs/once", "ecs").create();
        Task exited = await("a task whose container exited", Duration.ofSeconds(30), () -> {
            List<String> arns = ecs.listTasks(r -> r.cluster("prod").serviceName("once").desiredStatus(DesiredStatus.STOPPED)).taskArns();
            return arns.isEmpty() ? null : ecs.describeTasks(r -> r.cluster("prod").tasks(arns.get(0))).tasks().stream()
                    .filter(t -> t.lastStatus().equals("STOPPED")).findFirst().orElse(null);
        });
        assertEquals("EssentialContainerExited", exited.stopCodeAsString());
        assertEquals("Essential container in task exited", exited.stoppedReason());
        assertEquals(3, exited.containers().get(0).exitCode());
        assertNotEquals(null, exited.containers().get(0).runtimeId());
        String stream = "ecs/job/" + Arns.last(exited.taskArn());
        assertEquals(List.of("bye"), logs.getLogEvents(r -> r.logGroupName("/ecs/once").logStreamName(stream))
                .events().stream().map(OutputLogEvent::message).toList());

        String arn = Sdk.registerWithImage(ecs, standIn.taskDefinitionOf("prod", "once"), testbed.fixtureImage("9.9.9"));
        String id = ecs.updateService(r -> r.cluster("prod").service("once").taskDefinition(arn)).service().deployments().get(0).id();
        Task unpulled = await("a task that could not pull", Duration.ofSeconds(30), () -> {
            List<String> arns = ecs.listTasks(r -> r.cluster("prod").serviceName("once").desiredStatus(DesiredStatus.STOPPED)
                    .startedBy(id)).taskArns();
            return arns.isEmpty() ? null : ecs.describeTasks(r -> r.cluster("prod").tasks(arns.get(0))).tasks().get(0);
        });
        assertEquals("TaskFailedToStart", unpulled.stopCodeAsString());
        assertTrue(unpulled.stoppedReason().startsWith("CannotPullContainerError: ") && unpulled.stoppedReason().contains("9.9.9"),
                unpulled.stoppedReason());
    }
}
