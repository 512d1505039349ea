package app.slipway.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The real AWS SDK against the ECS stand-in: the protocol, the shapes, the errors, as the SDK expects them. */
class EcsStandInTest {
    private static EcsClient client(EcsStandIn standIn) {
        return EcsClient.builder()
                .endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void theSdkReadsAServiceAndRegistersANewRevisionWithOnlyTheImageChanged() throws Exception {
        try (var standIn = new EcsStandIn(); var ecs = client(standIn)) {
            standIn.service("prod", "strata-web", "strata-web", Map.of("web", "registry.gitlab.com/stratado/server:1.4.1"));

            var service = ecs.describeServices(r -> r.cluster("prod").services("strata-web")).services().get(0);
            assertEquals("ECS", service.deploymentController().typeAsString());
            assertEquals("COMPLETED", service.deployments().get(0).rolloutStateAsString());
            TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition();
            assertEquals(1, td.revision());
            ContainerDefinition web = td.containerDefinitions().get(0);

            var registered = ecs.registerTaskDefinition(r -> r.family(td.family()).cpu(td.cpu()).memory(td.memory())
                    .containerDefinitions(web.toBuilder().image("registry.gitlab.com/stratado/server:1.4.2").build()))
                    .taskDefinition();
            assertEquals(2, registered.revision());
            assertEquals("RAILS_ENV", registered.containerDefinitions().get(0).environment().get(0).name());

            var updated = ecs.updateService(r -> r.cluster("prod").service("strata-web")
                    .taskDefinition(registered.taskDefinitionArn()).forceNewDeployment(true)).service();
            assertEquals("IN_PROGRESS", updated.deployments().get(0).rolloutStateAsString());
            assertEquals(2, updated.deployments().size());
        }
    }

    @Test
    void aMissingServiceIsAFailureEntryAndADeniedCallIsAnError() throws Exception {
        try (var standIn = new EcsStandIn(); var ecs = client(standIn)) {
            var answer = ecs.describeServices(r -> r.cluster("prod").services("nope"));
            assertEquals("MISSING", answer.failures().get(0).reason());

            standIn.failNext(400, "AccessDeniedException", "User is not authorized to perform: ecs:DescribeServices");
            var e = assertThrows(EcsException.class, () -> ecs.describeServices(r -> r.cluster("prod").services("x")));
            assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains("not authorized"));
        }
    }
}
