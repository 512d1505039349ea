package app.slipway.core.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.profile.Profile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** The revision an upgrade registers: a copy of the running one in which only the product's image tags change. */
class NewRevisionTest {
    @TempDir Path dir;

    private static TaskDefinition running(String... images) {
        var containers = new java.util.ArrayList<ContainerDefinition>();
        for (int i = 0; i < images.length; i++) {
            containers.add(ContainerDefinition.builder().name("c" + i).image(images[i]).essential(true).memory(512)
                    .environment(KeyValuePair.builder().name("DATABASE_URL").value("postgres://app:hunter22@db/app").build(),
                            KeyValuePair.builder().name("SECRET_KEY_BASE").value("abcdef0123456789").build(),
                            KeyValuePair.builder().name("RAILS_ENV").value("production").build())
                    .secrets(Secret.builder().name("SMTP_PASSWORD").valueFrom("arn:aws:ssm:eu-west-1:1:parameter/smtp").build())
                    .portMappings(PortMapping.builder().containerPort(3000).hostPort(3000).protocol("tcp").build())
                    .logConfiguration(LogConfiguration.builder().logDriver("awslogs")
                            .options(java.util.Map.of("awslogs-group", "/ecs/acme", "awslogs-stream-prefix", "ecs")).build())
                    .build());
        }
        return TaskDefinition.builder().family("acme-web").revision(7)
                .taskDefinitionArn("arn:aws:ecs:eu-west-1:123456789012:task-definition/acme-web:7")
                .status(TaskDefinitionStatus.ACTIVE).registeredAt(Instant.now()).registeredBy("arn:aws:iam::1:user/ops")
                .compatibilities(Compatibility.EC2, Compatibility.FARGATE).requiresCompatibilities(Compatibility.FARGATE)
                .taskRoleArn("arn:aws:iam::1:role/task").executionRoleArn("arn:aws:iam::1:role/exec")
                .networkMode("awsvpc").cpu("512").memory("1024").containerDefinitions(containers).build();
    }

    private static EcsService service(TaskDefinition td) {
        return new EcsService(Service.builder().serviceName("web").taskDefinition(td.taskDefinitionArn()).build(), td,
                List.of(Tag.builder().key("team").value("ops").build()), 7);
    }

    @Test
    void onlyTheProductsImageTagsChangeAndEverythingElseIsCopiedWithoutTheReadOnlyMembers() {
        Profile acme = EcsProfiles.acme(dir);
        TaskDefinition td = running(EcsProfiles.WEB + ":1.4.1", "public.ecr.aws/nginx/nginx:1.27");
        NewRevision r = NewRevision.of(service(td), acme, "1.4.2");

        assertEquals(List.of(new ImageChange("c0", EcsProfiles.WEB + ":1.4.1", EcsProfiles.WEB + ":1.4.2")), r.changes());
        var request = r.request();
        assertEquals("acme-web", request.family());
        assertEquals(EcsProfiles.WEB + ":1.4.2", request.containerDefinitions().get(0).image());
        assertEquals("public.ecr.aws/nginx/nginx:1.27", request.containerDefinitions().get(1).image(), "not the product's");
        // Everything but the image is the running revision's, member for member.
        assertEquals(td.containerDefinitions().get(0).toBuilder().image(EcsProfiles.WEB + ":1.4.2").build(),
                request.containerDefinitions().get(0));
        assertEquals(td.containerDefinitions().get(1), request.containerDefinitions().get(1));
        assertEquals("arn:aws:iam::1:role/task", request.taskRoleArn());
        assertEquals("arn:aws:iam::1:role/exec", request.executionRoleArn());
        assertEquals("awsvpc", request.networkModeAsString());
        assertEquals(List.of("FARGATE"), request.requiresCompatibilitiesAsStrings());
        assertEquals("512", request.cpu());
        assertEquals("1024", request.memory());
        assertEquals("ops", request.tags().get(0).value());
        assertFalse(request.hasVolumes(), "an absent list stays absent");
        assertFalse(r.kept().contains("hunter22") || r.kept().contains("production"), "values are never shown");
    }

    @Test
    void aFormerRepositoryMovesToItsSuccessorAndADigestPinGoes() {
        Profile acme = EcsProfiles.acme(dir);
        var r = NewRevision.of(service(running(EcsProfiles.FORMER + ":1.4.1",
                EcsProfiles.WORKER + ":1.4.1@sha256:" + "a".repeat(64))), acme, "1.5.0");
        // With two current repositories the former one's successor is not known: it keeps its name.
        assertEquals(EcsProfiles.FORMER + ":1.5.0", r.changes().get(0).to());
        assertEquals(EcsProfiles.WORKER + ":1.5.0", r.changes().get(1).to());
    }

    @Test
    void aServiceWithoutTheProductsImagesIsLeftAsItIs() {
        var r = NewRevision.of(service(running("redis:7")), EcsProfiles.acme(dir), "1.4.2");
        assertTrue(r.unchanged());
    }

    @Test
    void theVersionIsSpelledLikeTheRunningTag() {
        assertEquals("v1.4.2", EcsPlanner.spelled("1.4.2", "v1.4.1"));
        assertEquals("1.4.2", EcsPlanner.spelled("v1.4.2", "1.4.1"));
        assertEquals("1.4.2", EcsPlanner.spelled("1.4.2", "1.4.1"));
    }

    @Test
    void plaintextSecretsInTheEnvironmentAreMaskedAndPasswordsInsideUrlsToo() {
        Profile acme = EcsProfiles.acme(dir);
        var redactor = EcsReader.redactor(acme, List.of(service(running(EcsProfiles.WEB + ":1.4.1"))));
        String line = "boot: SECRET_KEY_BASE=abcdef0123456789 url=postgres://app:hunter22@db/app env=production";
        String masked = redactor.redact(line);
        assertFalse(masked.contains("abcdef0123456789"), masked);
        assertFalse(masked.contains("hunter22"), masked);
        assertTrue(masked.contains("production"), "values not named like secrets stay readable: " + masked);
    }
}
