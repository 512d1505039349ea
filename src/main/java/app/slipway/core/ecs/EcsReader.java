package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** Reads the services of an {@link EcsTarget} and what they run: one DescribeServices, one DescribeTaskDefinition each. */
public final class EcsReader {
    private EcsReader() {}

    /**
     * @param profile the profile the user named, else the one the services' images belong to
     */
    public static EcsStack read(AwsSession aws, EcsTarget target, Optional<Profile> profile, ProfileDetector detector) {
        List<Service> found = services(aws, target);
        List<EcsService> services = new ArrayList<>();
        for (Service s : found) {
            DescribeTaskDefinitionResponse td = AwsFailures.call("ecs:DescribeTaskDefinition of "
                    + EcsService.revisionName(s.taskDefinition()), () -> aws.ecs().describeTaskDefinition(r -> r
                    .taskDefinition(s.taskDefinition()).include(TaskDefinitionField.TAGS)));
            String family = td.taskDefinition().family();
            int latest = AwsFailures.call("ecs:DescribeTaskDefinition of " + family, () -> aws.ecs()
                    .describeTaskDefinition(r -> r.taskDefinition(family))).taskDefinition().revision();
            services.add(new EcsService(s, td.taskDefinition(), td.tags(), latest));
        }
        List<String> images = services.stream().flatMap(s -> s.taskDefinition().containerDefinitions().stream())
                .map(ContainerDefinition::image).toList();
        Profile product = profile.or(() -> detector.detect(images)).orElseThrow(() -> SlipwayException.badInput(
                "None of the images of " + String.join(", ", target.services()) + " (" + String.join(", ", images)
                        + ") belongs to a product Slipway knows: pass --profile (a built-in name or a profile file)."));
        return new EcsStack(target, services, product, version(product, services), notes(product, services),
                redactor(product, services));
    }

    /** The target's services in its order, read in batches of ten; a missing or inactive one is bad input. */
    static List<Service> services(AwsSession aws, EcsTarget target) {
        Map<String, Service> byName = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < target.services().size(); i += 10) { // DescribeServices takes ten names at a time
            List<String> chunk = target.services().subList(i, Math.min(i + 10, target.services().size()));
            DescribeServicesResponse answer = AwsFailures.call("ecs:DescribeServices on cluster " + target.cluster(),
                    () -> aws.ecs().describeServices(r -> r.cluster(target.cluster()).services(chunk)));
            answer.services().forEach(s -> byName.put(s.serviceName(), s));
            answer.failures().forEach(f -> missing.add(shortName(f.arn()) + " (" + f.reason() + ")"));
        }
        List<Service> inOrder = new ArrayList<>();
        for (String name : target.services()) {
            Service s = byName.get(shortName(name));
            if (s == null || !"ACTIVE".equals(s.status())) {
                if (s != null) missing.add(name + " (" + s.status() + ")");
                continue;
            }
            inOrder.add(s);
        }
        if (!missing.isEmpty()) {
            throw SlipwayException.badInput("Cluster " + target.cluster() + " in " + target.region()
                    + " has no active service " + String.join(", ", missing) + ": check --services and --region.");
        }
        return inOrder;
    }

    private static String version(Profile product, List<EcsService> services) {
        return services.stream().flatMap(s -> productImages(product, s).stream()).map(ImageRef::tag)
                .flatMap(Optional::stream).findFirst().orElse("unknown");
    }

    private static List<String> notes(Profile product, List<EcsService> services) {
        List<String> notes = new ArrayList<>();
        var versions = new LinkedHashSet<String>();
        for (EcsService s : services) {
            List<ImageRef> own = productImages(product, s);
            if (own.isEmpty()) {
                notes.add(s.name() + " runs no image of " + product.name() + ": its task definition is left as it is.");
            }
            own.forEach(i -> versions.add(i.tag().orElse(i.digest().orElse("latest"))));
        }
        if (versions.size() > 1) {
            notes.add("The services run different versions of " + product.name() + " (" + String.join(", ", versions)
                    + "): the upgrade moves them all to one.");
        }
        return notes;
    }

    static List<ImageRef> productImages(Profile product, EcsService service) {
        return service.taskDefinition().containerDefinitions().stream().map(c -> ImageRef.tryParse(c.image()))
                .flatMap(Optional::stream).filter(product::ownsImage).toList();
    }

    /**
     * Task definitions may hold secrets in plain {@code environment} values (not only as Secrets
     * Manager references): those named like secrets, and passwords inside URLs
     * ({@code postgres://user:PASSWORD@host}), are masked like a stack's {@code .env} secrets.
     */
    static SecretRedactor redactor(Profile product, List<EcsService> services) {
        var secretKeys = product.install().map(i -> i.secrets().keySet()).orElse(java.util.Set.of());
        Map<String, String> values = new LinkedHashMap<>();
        var secret = new java.util.HashSet<String>();
        int n = 0;
        for (EcsService s : services) {
            for (ContainerDefinition c : s.taskDefinition().containerDefinitions()) {
                for (var kv : c.environment()) {
                    String value = kv.value() == null ? "" : kv.value();
                    String key = kv.name() + "#" + n++; // one name may hold other values in other containers
                    values.put(key, value);
                    if (secretKeys.contains(kv.name())) secret.add(key);
                    var password = URL_PASSWORD.matcher(value);
                    if (password.find()) {
                        String passwordKey = "URL_PASSWORD#" + n++;
                        values.put(passwordKey, password.group(1));
                        secret.add(passwordKey);
                    }
                }
            }
        }
        return new SecretRedactor(values, secret);
    }

    private static final java.util.regex.Pattern URL_PASSWORD =
            java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:([^@/\\s]+)@");

    private static String shortName(String nameOrArn) {
        return nameOrArn == null ? "" : nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
