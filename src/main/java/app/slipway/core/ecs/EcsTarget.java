package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import java.util.List;

/**
 * The ECS services an upgrade moves, in update order (web first, then job), in one cluster of one
 * region, reached with the credentials of {@code awsProfile} when one was named.
 */
public record EcsTarget(String region, String cluster, List<String> services, java.util.Optional<String> awsProfile) {
    public EcsTarget(String region, String cluster, List<String> services) {
        this(region, cluster, services, java.util.Optional.empty());
    }

    public EcsTarget {
        if (cluster == null || cluster.isBlank()) throw SlipwayException.badInput("No cluster given: pass --cluster NAME.");
        // ARNs and names are one thing to AWS; the names are what plans, sentences and the record use.
        cluster = shortName(cluster);
        services = services.stream().map(EcsTarget::shortName).toList();
        if (services.isEmpty()) {
            throw SlipwayException.badInput("No services given: pass --services in update order, e.g. --services web,job.");
        }
        if (services.stream().distinct().count() != services.size()) {
            throw SlipwayException.badInput("--services names a service twice: list each service once, in update order.");
        }
    }

    /** How plans and sentences name it: {@code ecs://prod (eu-west-1)}. */
    public String describe() {
        return "ecs://" + cluster + " (" + region + ")";
    }

    /** The part of a command line that names this target again. */
    public String options() {
        return "--cluster " + cluster + " --services " + String.join(",", services) + " --region " + region
                + awsProfile.map(p -> " --aws-profile " + p).orElse("");
    }

    /** {@code web} from {@code arn:aws:ecs:eu-west-1:1:service/prod/web}; a name stays as it is. */
    static String shortName(String nameOrArn) {
        String s = nameOrArn.strip();
        return s.startsWith("arn:") ? s.substring(s.lastIndexOf('/') + 1) : s;
    }
}
