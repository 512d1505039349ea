package app.slipway.core.ecs;

import app.slipway.core.events.SecretRedactor;
import app.slipway.core.profile.Profile;
import java.util.List;

/**
 * What was read of the services an ECS run moves: each service and its task definition, in update
 * order, the product they run and its version, and the secrets their task definitions hold in
 * plain text (masked wherever they could be shown).
 *
 * @param version the tag the product's images have in the first service that runs one ("unknown" if none)
 * @param notes   what the reading found worth saying (services on different versions, services without the product)
 */
public record EcsStack(EcsTarget target, List<EcsService> services, Profile profile, String version,
                       List<String> notes, SecretRedactor redactor) {
    public EcsStack {
        services = List.copyOf(services);
        notes = List.copyOf(notes);
    }

    public EcsService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
