package app.slipway.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Every answer the stand-in gave in a scripted session matches the official botocore models (Debian's
 * python3-botocore, from 2022: members newer than that must not be sent either).
 */
class EcsStandInShapesTest {
    private static final Set<String> ECS_OPS = Set.of("DescribeServices", "DescribeTaskDefinition", "RegisterTaskDefinition",
            "DeregisterTaskDefinition", "UpdateService", "ListTasks", "DescribeTasks");
    private static final Set<String> LOGS_OPS = Set.of("GetLogEvents", "FilterLogEvents", "DescribeLogStreams");

    @Test
    void everyAnswerOfASessionMatchesTheModels() throws Exception {
        ShapeValidator ecsModel = ShapeValidator.load("ecs", "2014-11-13");
        ShapeValidator logsModel = ShapeValidator.load("logs", "2014-03-28");
        try (var standIn = new EcsStandIn(); var ecs = Sdk.ecs(standIn); var logs = Sdk.logs(standIn)) {
            standIn.crashing("3.1.0");
            standIn.service("prod", "web", "web")
                    .container("web", "r.example/app:2.0.0", List.of("/bin/web"), Map.of("FIXTURE_PORT", "18998"), 18998)
                    .container("job", "r.example/app:2.0.0", List.of("/bin/job"), Map.of(), 0)
                    .secret("web", "DATABASE_URL", "arn:aws:ssm:eu-west-1:123456789012:parameter/web/db")
                    .awslogs("/ecs/web", "ecs").healthPath("/up").healthGrace(Duration.ofSeconds(2)).create();
            ecs.describeServices(r -> r.cluster("prod").services("web", "nope"));
            var described = ecs.describeTaskDefinition(r -> r.taskDefinition("web").include(TaskDefinitionField.TAGS));
            assertEquals(Set.of("DATABASE_URL"), Set.copyOf(described.taskDefinition().containerDefinitions().get(0).secrets()
                    .stream().map(s -> s.name()).toList()));
            ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(described.taskDefinition().containerDefinitions())
                    .networkMode(described.taskDefinition().networkMode()).tags(Tag.builder().key("k").value("v").build()));
            ecs.describeTaskDefinition(r -> r.taskDefinition("web:2").include(TaskDefinitionField.TAGS));
            String next = Sdk.registerWithImage(ecs, "web:1", "r.example/app:2.1.0");
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition(next));
            Sdk.waitStable(ecs, "prod", "web");
            String crashing = Sdk.registerWithImage(ecs, next, "r.example/app:3.1.0");
            ecs.updateService(r -> r.cluster("prod").service("web").taskDefinition(crashing));
            Sdk.await("the rollback", Duration.ofSeconds(20),
                    () -> !Sdk.service(ecs, "prod", "web").deployments().get(0).taskDefinition().equals(crashing));
            Sdk.waitStable(ecs, "prod", "web");
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(crashing));
            for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
                List<String> arns = new ArrayList<>(ecs.listTasks(r -> r.cluster("prod").serviceName("web").desiredStatus(status)).taskArns());
                arns.add("0123456789abcdef0123456789abcdef");
                ecs.describeTasks(r -> r.cluster("prod").tasks(arns));
            }
            String task = Arns.last(ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns().get(0));
            logs.describeLogStreams(r -> r.logGroupName("/ecs/web"));
            logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName("ecs/web/" + task));
            logs.filterLogEvents(r -> r.logGroupName("/ecs/web").logStreamNamePrefix("ecs/"));
            assertThrows(ClientException.class, () -> ecs.describeTaskDefinition(r -> r.taskDefinition("nope")));

            Map<String, List<String>> answers = standIn.responses();
            assertTrue(answers.keySet().containsAll(ECS_OPS) && answers.keySet().containsAll(LOGS_OPS), answers.keySet().toString());
            List<String> problems = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (var op : answers.entrySet()) {
                ShapeValidator model = ECS_OPS.contains(op.getKey()) ? ecsModel : logsModel;
                for (String body : op.getValue()) problems.addAll(model.check(op.getKey(), json.readTree(body)));
            }
            assertEquals(List.of(), problems.stream().distinct().toList());
        }
    }

    @Test
    void theValidatorSeesUnknownMembersWrongTypesAndValuesOutsideAnEnum() throws Exception {
        ShapeValidator ecsModel = ShapeValidator.load("ecs", "2014-11-13");
        var bad = new ObjectMapper().readTree("{\"services\":[{\"createdAt\":\"2024-01-01T00:00:00Z\",\"desiredCount\":1.5,"
                + "\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":{\"enable\":true,\"rollback\":true,\"resetOnHealthyTask\":true}},"
                + "\"deployments\":[{\"rolloutState\":\"WEIRD\"}]}]}");
        assertEquals(List.of(
                "DescribeServices.services[0].createdAt: \"2024-01-01T00:00:00Z\" is not a timestamp (Timestamp)",
                "DescribeServices.services[0].desiredCount: 1.5 is not a integer (Integer)",
                "DescribeServices.services[0].deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask: "
                        + "no such member of DeploymentCircuitBreaker",
                "DescribeServices.services[0].deployments[0].rolloutState: \"WEIRD\" is not in enum DeploymentRolloutState "
                        + "[\"COMPLETED\",\"FAILED\",\"IN_PROGRESS\"]"), ecsModel.check("DescribeServices", bad));
    }
}
