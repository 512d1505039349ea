package app.slipway.core.ecs;

import java.util.Optional;

/**
 * An ECS target connected and read, for the wizard's pages to share: the AWS clients, what was read,
 * and the load balancer's address the verification asks (empty: ECS's own result is the check).
 */
public record EcsConnection(AwsSession aws, EcsStack stack, Optional<String> healthUrl) implements AutoCloseable {
    /**
     * Connects and reads {@code target}'s services; the product's profile is detected from their images when
     * not given.
     *
     * @param awsProfile a profile of {@code ~/.aws} whose credentials (and region) to use; empty: the default chain's
     */
    public static EcsConnection open(Optional<String> region, Optional<String> awsProfile, String cluster,
                                     java.util.List<String> services, Optional<String> profile, Optional<String> healthUrl) {
        AwsSession aws = AwsSession.open(region, awsProfile);
        try {
            var loader = new app.slipway.core.profile.ProfileLoader();
            var target = new EcsTarget(aws.region(), cluster, services, aws.profile());
            EcsStack stack = EcsReader.read(aws, target, profile.map(loader::load),
                    app.slipway.core.profile.ProfileDetector.withBuiltIns(loader));
            return new EcsConnection(aws, stack, healthUrl);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    /** The same clients with the services as read again. */
    public EcsConnection withStack(EcsStack now) {
        return new EcsConnection(aws, now, healthUrl);
    }

    /** This cluster's record on this machine. */
    public java.nio.file.Path directory() {
        return EcsRecord.directory(stack.target().region(), stack.target().cluster());
    }

    @Override
    public void close() {
        aws.close();
    }
}
