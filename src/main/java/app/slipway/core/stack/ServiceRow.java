package app.slipway.core.stack;

import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.ServiceContainer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One line of a stack's service table, as {@code status} prints it and the wizard's Stack page
 * shows it: a container of a service, or a service with no container yet.
 *
 * @param state e.g. "running", "exited (1)", "not created"; ", not in compose file" for leftovers
 * @param health "healthy", "unhealthy", "starting" or "-" without a healthcheck
 */
public record ServiceRow(String service, String state, String health, String image, boolean inCompose) {

    public static List<ServiceRow> of(StackState stack) {
        List<ServiceRow> rows = new ArrayList<>();
        for (String name : serviceNames(stack)) {
            List<ServiceContainer> containers = stack.containersOf(name);
            boolean inCompose = stack.model().services().containsKey(name);
            if (containers.isEmpty()) {
                rows.add(new ServiceRow(name, "not created", "-", stack.model().services().get(name).image(), true));
            }
            for (ServiceContainer c : containers) {
                String state = c.state() + ("exited".equals(c.state()) ? " (" + c.exitCode() + ")" : "")
                        + (inCompose ? "" : ", not in compose file");
                rows.add(new ServiceRow(name, state, health(c), c.image(), inCompose));
            }
        }
        return rows;
    }

    /** Services of the compose file first, then any container left over from a service no longer in it. */
    public static List<String> serviceNames(StackState stack) {
        var names = new LinkedHashSet<>(stack.model().serviceNames());
        stack.containers().forEach(c -> names.add(c.service()));
        return new ArrayList<>(names);
    }

    private static String health(ServiceContainer c) {
        return c.health() == ContainerHealth.NONE ? "-" : c.health().name().toLowerCase(Locale.ROOT);
    }
}
