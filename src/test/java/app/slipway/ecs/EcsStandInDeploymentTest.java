package app.slipway.ecs;

import static app.slipway.ecs.Sdk.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;

/** Deployments on simulated tasks, driven and read through the real SDK. */
class EcsStandInDeploymentTest {
    private static final String IMAGE = "registry.example/acme/app:";
    private EcsStandIn standIn;
    private EcsClient ecs;

    @BeforeEach
    void start() throws Exception {
        standIn = new EcsStandIn();
        ecs = Sdk.ecs(standIn);
    }

    @AfterEach
    void stop() {
        ecs.close();
        standIn.close();
    }

    private void web(String name, boolean breaker, boolean rollback) {
        standIn.service("prod", name, name).container("web", IMAGE + "2.0.0", List.of("/bin/web"), Map.of("FIXTURE_PORT", "18999"), 18999)
                .healthPath("/up").healthGrace(Duration.ofMillis(500)).circuitBreaker(breaker, rollback).create();
    }

    private String update(String service, String tag) {
        String arn = Sdk.registerWithImage(ecs, standIn.taskDefinitionOf("prod", service), IMAGE + tag);
        Service updated = ecs.updateService(r -> r.cluster("prod").service(service).taskDefinition(arn)).service();
        Deployment primary = updated.deployments().get(0);
        assertEquals("PRIMARY", primary.status());
        assertEquals("IN_PROGRESS", primary.rolloutStateAsString());
        assertEquals(arn, primary.taskDefinition());
        return primary.id();
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().strip();
    }

    @Test
    void aDeploymentCompletesAndTheServicesStableWaiterSeesIt() throws Exception {
        web("web", true, true);
        URI alb = standIn.loadBalancer("prod", "web");
        assertEquals("200 2.0.0", get(alb.resolve("/up")));

        String id = update("web", "2.1.0");
        Sdk.waitStable(ecs, "prod", "web");

        Service service = Sdk.service(ecs, "prod", "web");
        assertEquals(1, service.deployments().size());
        Deployment done = service.deployments().get(0);
        assertEquals(id, done.id());
        assertEquals("COMPLETED", done.rolloutStateAsString());
        assertEquals("ECS deployment " + id + " completed.", done.rolloutStateReason());
        assertTrue(id.matches("ecs-svc/\\d{19}"), id);
        assertEquals(1, service.runningCount());
        assertEquals("(service web) has reached a steady state.", service.events().get(0).message());
        assertEquals("200 2.1.0", get(alb.resolve("/up")));
        assertEquals(List.of(IMAGE + "2.1.0"), standIn.runningImages("prod", "web"));

        List<String> running = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        Task task = ecs.describeTasks(r -> r.cluster("prod").tasks(running)).tasks().get(0);
        assertEquals(id, task.startedBy());
        assertEquals("service:web", task.group());
        assertTrue(task.taskArn().matches("arn:aws:ecs:eu-west-1:123456789012:task/prod/[0-9a-f]{32}"), task.taskArn());
        List<String> stopped = ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
        Task old = ecs.describeTasks(r -> r.cluster("prod").tasks(stopped)).tasks().get(0);
        assertEquals("STOPPED", old.lastStatus());
        assertEquals("ServiceSchedulerInitiated", old.stopCodeAsString());
        assertEquals(IMAGE + "2.0.0", old.containers().get(0).image());
    }

    @Test
    void aReleaseThatCannotStartTripsTheBreakerAndRollsBack() {
        web("web", true, true);
        String before = standIn.taskDefinitionOf("prod", "web");
        standIn.crashing(IMAGE + "3.1.0");

        String id = update("web", "3.1.0");
        Service service = await("the rollback completes", Duration.ofSeconds(20), () -> {
            Service s = Sdk.service(ecs, "prod", "web");
            return s.deployments().size() == 1 && s.deployments().get(0).rolloutStateAsString().equals("COMPLETED")
                    && !s.deployments().get(0).id().equals(id) ? s : null;
        });
        assertEquals(before, service.taskDefinition());
        assertEquals(before, service.deployments().get(0).taskDefinition());
        assertTrue(service.events().stream().anyMatch(e -> e.message().equals("(service web) failed circuit breaker: tasks failed to start.")),
                service.events().toString());
        List<String> stopped = ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
        List<Task> failed = ecs.describeTasks(r -> r.cluster("prod").tasks(stopped)).tasks().stream()
                .filter(t -> t.startedBy().equals(id)).toList();
        assertEquals(3, failed.size(), "the threshold for desiredCount 1 is 3");
        failed.forEach(t -> {
            assertEquals("TaskFailedToStart", t.stopCodeAsString());
            assertTrue(t.stoppedReason().startsWith("CannotStartContainerError: "), t.stoppedReason());
        });
        assertEquals(List.of(IMAGE + "2.0.0"), standIn.runningImages("prod", "web"));
    }

    @Test
    void theFailedDeploymentIsShownAsFailedWhileTheRollbackRuns() {
        web("web", true, true);
        standIn.crashing("3.1.0"); // a tag works too
        String id = update("web", "3.1.0");
        Deployment failed = await("the deployment fails", Duration.ofSeconds(20), () -> Sdk.service(ecs, "prod", "web")
                .deployments().stream().filter(d -> d.id().equals(id) && d.rolloutStateAsString().equals("FAILED"))
                .findFirst().orElse(null));
        assertEquals("ECS deployment circuit breaker: tasks failed to start.", failed.rolloutStateReason());
        assertEquals(3, failed.failedTasks());
        Sdk.waitStable(ecs, "prod", "web");
    }

    @Test
    void anUnhealthyReleaseFailsItsHealthChecksAndRollsBack() {
        web("web", true, true);
        standIn.unhealthy("3.0.0");
        String id = update("web", "3.0.0");
        Sdk.waitStable(ecs, "prod", "web");
        Service service = Sdk.service(ecs, "prod", "web");
        assertTrue(!service.deployments().get(0).id().equals(id));
        List<String> stopped = ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.STOPPED)
                .startedBy(id)).taskArns();
        Task t = ecs.describeTasks(r -> r.cluster("prod").tasks(stopped.get(0))).tasks().get(0);
        assertTrue(t.stoppedReason().startsWith("Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:"),
                t.stoppedReason());
    }

    @Test
    void withoutTheBreakerItKeepsReplacingFailedTasksAndStaysInProgress() {
        web("web", false, false);
        standIn.crashing("3.1.0");
        String id = update("web", "3.1.0");
        Deployment d = await("five failed tasks", Duration.ofSeconds(20), () -> {
            Deployment primary = Sdk.service(ecs, "prod", "web").deployments().get(0);
            return primary.failedTasks() >= 5 ? primary : null;
        });
        assertEquals(id, d.id());
        assertEquals("IN_PROGRESS", d.rolloutStateAsString());
    }

    @Test
    void aThrottledUpdateSucceedsAfterTheSdksRetries() {
        web("web", true, true);
        standIn.failNext("UpdateService", 400, "ThrottlingException", "Rate exceeded.", 2);
        update("web", "2.1.0");
        assertEquals(3, standIn.calls("UpdateService").size());
    }

    @Test
    void refusalsAreTheModelsExceptions() {
        web("web", true, true);
        standIn.service("prod", "deploy", "deploy").container("web", IMAGE + "2.0.0", List.of(), Map.of(), 0)
                .controller("CODE_DEPLOY").create();
        String arn = Sdk.registerWithImage(ecs, standIn.taskDefinitionOf("prod", "deploy"), IMAGE + "2.1.0");
        var refused = assertThrows(InvalidParameterException.class,
                () -> ecs.updateService(r -> r.cluster("prod").service("deploy").taskDefinition(arn)));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("CODE_DEPLOY"), refused.getMessage());
        assertThrows(ServiceNotFoundException.class, () -> ecs.updateService(r -> r.cluster("prod").service("nope").forceNewDeployment(true)));
        assertThrows(ClusterNotFoundException.class, () -> ecs.updateService(r -> r.cluster("nope").service("web").forceNewDeployment(true)));
        assertEquals(0, standIn.responses("UpdateService").size());
        assertEquals(3, standIn.calls("UpdateService").size());
    }

    @Test
    void listTasksPagesWithNextToken() {
        standIn.service("prod", "many", "many").container("job", IMAGE + "2.0.0", List.of("/bin/job"), Map.of(), 0)
                .desiredCount(3).create();
        var pages = ecs.listTasksPaginator(r -> r.cluster("prod").serviceName("many").maxResults(2));
        assertEquals(2, pages.stream().count());
        assertEquals(3, pages.taskArns().stream().count());
    }

    @Test
    void forceNewDeploymentReplacesTheTaskOnTheSameRevision() {
        web("web", true, true);
        String td = standIn.taskDefinitionOf("prod", "web");
        String first = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns().get(0);
        ecs.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true));
        Sdk.waitStable(ecs, "prod", "web");
        String second = ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns().get(0);
        assertTrue(!first.equals(second));
        assertEquals(td, standIn.taskDefinitionOf("prod", "web"));
    }
}
