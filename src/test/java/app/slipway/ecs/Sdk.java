package app.slipway.ecs;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Real SDK clients pointed at a stand-in, and polling with a deadline (no sleeps in assertions). */
final class Sdk {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    private Sdk() {}

    static EcsClient ecs(EcsStandIn standIn) {
        return EcsClient.builder().endpointOverride(standIn.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static CloudWatchLogsClient logs(EcsStandIn standIn) {
        return CloudWatchLogsClient.builder().endpointOverride(standIn.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static Service service(EcsClient ecs, String cluster, String name) {
        return ecs.describeServices(r -> r.cluster(cluster).services(name)).services().get(0);
    }

    /** The SDK's ServicesStable waiter (its own acceptors), polling every 200 ms instead of every 15 s. */
    static void waitStable(EcsClient ecs, String cluster, String service) {
        try (EcsWaiter waiter = EcsWaiter.builder().client(ecs).overrideConfiguration(o -> o.maxAttempts(150)
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200)))).build()) {
            waiter.waitUntilServicesStable(r -> r.cluster(cluster).services(service)).matched().response()
                    .orElseThrow(() -> new AssertionError("service " + service + " is not stable"));
        }
    }

    /** Registers the next revision of {@code taskDefinition} with every container on {@code image}; returns its ARN. */
    static String registerWithImage(EcsClient ecs, String taskDefinition, String image) {
        TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition();
        List<ContainerDefinition> containers = td.containerDefinitions().stream()
                .map(c -> c.toBuilder().image(image).build()).toList();
        return ecs.registerTaskDefinition(r -> r.family(td.family()).taskRoleArn(td.taskRoleArn())
                .executionRoleArn(td.executionRoleArn()).networkMode(td.networkMode()).containerDefinitions(containers)
                .volumes(td.volumes()).placementConstraints(td.placementConstraints())
                .requiresCompatibilities(td.requiresCompatibilities()).cpu(td.cpu()).memory(td.memory()))
                .taskDefinition().taskDefinitionArn();
    }

    /** Polls {@code value} until it is non-null (or true), failing with {@code what} and the last value seen. */
    static <T> T await(String what, Duration timeout, Supplier<T> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (last != null && !Boolean.FALSE.equals(last)) return last;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}
