package app.slipway.ecs;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The stand-in's account, region, ARN forms and ids (docs/ecs-standin.md §2.6). */
final class Arns {
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    private static final String PREFIX = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Arns() {}

    static String cluster(String cluster) {
        return PREFIX + "cluster/" + cluster;
    }

    static String service(String cluster, String service) {
        return PREFIX + "service/" + cluster + "/" + service;
    }

    static String task(String cluster, String taskId) {
        return PREFIX + "task/" + cluster + "/" + taskId;
    }

    static String taskDefinition(String family, int revision) {
        return PREFIX + "task-definition/" + family + ":" + revision;
    }

    static String containerInstance(String cluster) {
        return PREFIX + "container-instance/" + cluster + "/0123456789abcdef0123456789abcdef";
    }

    static String targetGroup(String service) {
        return "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":targetgroup/" + service + "/"
                + hex(8);
    }

    /** The last segment of an ARN, or the text itself (ids, names). */
    static String last(String arnOrName) {
        return arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** "ecs-svc/" and 19 digits, like real deployment ids. */
    static String deploymentId() {
        return "ecs-svc/" + (1_000_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000_000L);
    }

    /** ECS timestamps: epoch seconds with a fraction (what the SDK parses; an ISO string would fail). */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
