package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * A command inside a service's container: {@code compose exec -T} when the service runs, else a
 * throwaway {@code compose run --rm --no-deps -T} container of the same service — same image, same
 * volumes — so a stopped service's volume can still be read or written. Both Compose v1 and v2
 * pass standard input through with {@code -T}.
 */
final class InService {
    private InService() {}

    /** Whether a long-running (not one-off) container of the service is running now, asked of the engine. */
    static boolean isRunning(Connection connection, StackState stack, String service) {
        return connection.engine().containersOf(stack.project()).stream()
                .anyMatch(c -> service.equals(c.service()) && !c.oneOff() && c.isRunning());
    }

    static Command command(StackState stack, String service, boolean running, List<String> argv) {
        if (running) {
            return stack.compose().execT(service, argv);
        }
        var args = new ArrayList<>(List.of("-f", stack.files().composeFileName(),
                "run", "--rm", "--no-deps", "-T", "--entrypoint", argv.get(0), service));
        args.addAll(argv.subList(1, argv.size()));
        return Command.in(stack.files().directory(), stack.compose().cli().argv(args));
    }

    /** {@code sh -c SCRIPT sh ARGS…}: the arguments reach the script as $1… without any quoting. */
    static List<String> shell(String script, String... args) {
        var argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(List.of(args));
        return argv;
    }
}
