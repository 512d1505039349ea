package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.stack.StackState;
import java.util.Comparator;
import java.util.Optional;

/** A service's own container, and copying files out of and into it through the engine ({@code docker cp}). */
final class ServiceContainers {
    private ServiceContainers() {}

    /** The service's container (a running one first), asked of the engine now; empty when it has none. */
    static Optional<String> of(Connection connection, StackState stack, String service) {
        return connection.engine().containersOf(stack.project()).stream()
                .filter(c -> service.equals(c.service()) && !c.oneOff())
                .min(Comparator.comparing((ServiceContainer c) -> !c.isRunning()))
                .map(ServiceContainer::name);
    }

    /** A tar of the directory's contents ({@code ./…} entries, as {@code tar -C path -cf - .} makes) on stdout. */
    static Command copyOut(StackState stack, String container, String path) {
        return Command.in(stack.files().directory(), java.util.List.of("docker", "cp", container + ":" + trim(path) + "/.", "-"));
    }

    /** Unpacks a tar from stdin into the directory. */
    static Command copyIn(StackState stack, String container, String path) {
        return Command.in(stack.files().directory(), java.util.List.of("docker", "cp", "-", container + ":" + trim(path)));
    }

    /** Whether the container's image has a {@code sh} to run (a distroless or scratch image does not). */
    static boolean hasShell(Connection connection, String container) {
        ExecResult r = connection.target().exec(Command.of("docker", "exec", container, "sh", "-c", "true"));
        return r.ok();
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
