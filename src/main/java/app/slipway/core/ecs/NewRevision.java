package app.slipway.core.ecs;

import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The revision an upgrade registers for one service: the task definition it runs, copied member by
 * member without the read-only ones (ARN, revision, status, registration stamps), with only the
 * image tags of the product's repositories changed. Environment, secrets, roles, sizes, ports,
 * volumes, logging and tags stay exactly as they were.
 */
public record NewRevision(EcsService service, List<ImageChange> changes, RegisterTaskDefinitionRequest request) {
    public NewRevision {
        changes = List.copyOf(changes);
    }

    public static NewRevision of(EcsService service, Profile product, String version) {
        TaskDefinition td = service.taskDefinition();
        List<ImageChange> changes = new ArrayList<>();
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            String image = c.image();
            String moved = ImageRef.tryParse(image).filter(product::ownsImage)
                    .map(ref -> retag(image, ref, product, version)).orElse(image);
            if (!moved.equals(image)) changes.add(new ImageChange(c.name(), image, moved));
            containers.add(moved.equals(image) ? c : c.toBuilder().image(moved).build());
        }
        return new NewRevision(service, changes, copy(td, containers, service));
    }

    /** True when nothing in the task definition would change: the service is left as it is. */
    public boolean unchanged() {
        return changes.isEmpty();
    }

    /**
     * The image at {@code version}, spelled as the task definition spells it. A repository the
     * product left behind ({@code former_images}) moves to its successor when the product has one.
     */
    static String retag(String image, ImageRef ref, Profile product, String version) {
        boolean former = product.imageRefs().stream().noneMatch(ref::sameRepository);
        if (former && product.images().size() == 1) return product.images().get(0) + ":" + version;
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) name = name.substring(0, colon);
        return name + ":" + version;
    }

    private static RegisterTaskDefinitionRequest copy(TaskDefinition td, List<ContainerDefinition> containers,
                                                      EcsService service) {
        var b = RegisterTaskDefinitionRequest.builder().family(td.family()).containerDefinitions(containers);
        if (td.taskRoleArn() != null) b.taskRoleArn(td.taskRoleArn());
        if (td.executionRoleArn() != null) b.executionRoleArn(td.executionRoleArn());
        if (td.networkMode() != null) b.networkMode(td.networkModeAsString());
        if (td.hasVolumes()) b.volumes(td.volumes());
        if (td.hasPlacementConstraints()) b.placementConstraints(td.placementConstraints());
        if (td.hasRequiresCompatibilities()) b.requiresCompatibilitiesWithStrings(td.requiresCompatibilitiesAsStrings());
        if (td.cpu() != null) b.cpu(td.cpu());
        if (td.memory() != null) b.memory(td.memory());
        if (td.pidMode() != null) b.pidMode(td.pidModeAsString());
        if (td.ipcMode() != null) b.ipcMode(td.ipcModeAsString());
        if (td.proxyConfiguration() != null) b.proxyConfiguration(td.proxyConfiguration());
        if (td.hasInferenceAccelerators()) b.inferenceAccelerators(td.inferenceAccelerators());
        if (td.ephemeralStorage() != null) b.ephemeralStorage(td.ephemeralStorage());
        if (td.runtimePlatform() != null) b.runtimePlatform(td.runtimePlatform());
        if (td.enableFaultInjection() != null) b.enableFaultInjection(td.enableFaultInjection());
        if (!service.tags().isEmpty()) b.tags(service.tags());
        return b.build();
    }

    /** What the new revision keeps, in one line for the plan (names, never values). */
    public String kept() {
        TaskDefinition td = service.taskDefinition();
        int env = td.containerDefinitions().stream().mapToInt(c -> c.environment().size()).sum();
        int secrets = td.containerDefinitions().stream().mapToInt(c -> c.secrets().size()).sum();
        return "Kept as they are: " + env + " environment value" + (env == 1 ? "" : "s") + " (not shown), "
                + secrets + " secret reference" + (secrets == 1 ? "" : "s") + ", roles, cpu "
                + (td.cpu() == null ? "-" : td.cpu()) + " / memory " + (td.memory() == null ? "-" : td.memory())
                + ", ports, volumes, logging and tags.";
    }
}
