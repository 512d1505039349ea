package app.slipway.ecs;

import java.util.List;

/**
 * Points this JVM's AWS SDK default chain at a stand-in, as {@code AWS_ENDPOINT_URL} and the
 * credential variables would a real process (a JVM cannot set its own environment): the endpoint,
 * static credentials, and no instance-metadata look-up off the machine.
 */
public final class StandInAws {
    private static final List<String> PROPERTIES =
            List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey", "aws.disableEc2Metadata");

    private StandInAws() {}

    public static void use(EcsStandIn standIn) {
        System.setProperty("aws.endpointUrl", standIn.endpoint().toString());
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public static void forget() {
        PROPERTIES.forEach(System::clearProperty);
    }
}
