package app.slipway.core.fleet;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.Targets;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every node of a fleet, connected and read — all at once, each with its own host-key check. A
 * node that cannot be reached or read stops everything before any change (exit 3), naming it.
 * Closing closes every connection.
 */
public final class FleetStacks implements AutoCloseable {
    /** One node as read: its connection and its stack. */
    public record NodeStack(FleetNode node, Connection connection, StackState stack) {}

    private final FleetFile fleet;
    private final Map<String, NodeStack> nodes;

    private FleetStacks(FleetFile fleet, Map<String, NodeStack> nodes) {
        this.fleet = fleet;
        this.nodes = nodes;
    }

    public static FleetStacks open(FleetFile fleet) {
        ExecutorService pool = Executors.newFixedThreadPool(fleet.nodes().size(), r -> {
            Thread t = new Thread(r, "fleet-connect");
            t.setDaemon(true);
            return t;
        });
        var futures = new LinkedHashMap<String, Future<NodeStack>>();
        for (FleetNode node : fleet.rolloutOrder()) {
            futures.put(node.name(), pool.submit(() -> read(fleet, node)));
        }
        var opened = new LinkedHashMap<String, NodeStack>();
        RuntimeException failure = null;
        for (var entry : futures.entrySet()) {
            try {
                opened.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                if (failure == null) failure = refusal(entry.getKey(), fleet, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new SlipwayException(app.slipway.core.ExitCode.REFUSED, "Interrupted while connecting to the fleet.");
            }
        }
        pool.shutdown();
        if (failure != null) {
            opened.values().forEach(n -> n.connection().close());
            throw failure;
        }
        return new FleetStacks(fleet, opened);
    }

    private static NodeStack read(FleetFile fleet, FleetNode node) {
        Connection connection = Connection.open(Targets.open(node.host(), node.identity().orElse(null),
                node.knownHosts().orElse(null), false));
        try {
            return new NodeStack(node, connection, StackInspector.inspect(connection, node.dir(), Optional.of(fleet.profile())));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Nothing changes on any node when one cannot be reached: the node, and why, in one sentence. */
    private static RuntimeException refusal(String name, FleetFile fleet, Throwable cause) {
        String why = cause instanceof SlipwayException s ? s.getMessage() : String.valueOf(cause.getMessage());
        var code = cause instanceof SlipwayException s && s.exitCode() == app.slipway.core.ExitCode.BAD_INPUT
                ? app.slipway.core.ExitCode.BAD_INPUT : app.slipway.core.ExitCode.REFUSED;
        return new SlipwayException(code, "Node " + name + " of " + fleet.file().getFileName() + " cannot be used, so"
                + " nothing was changed on any node: " + why, cause);
    }

    public FleetFile fleet() {
        return fleet;
    }

    /** The nodes in rollout order. */
    public List<NodeStack> inOrder() {
        return new ArrayList<>(nodes.values());
    }

    public NodeStack node(String name) {
        return nodes.get(name);
    }

    @Override
    public void close() {
        nodes.values().forEach(n -> n.connection().close());
    }
}
