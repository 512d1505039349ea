package app.slipway.core.fleet;

import app.slipway.core.fleet.FleetStacks.NodeStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code fleet status}: each node's version, whether it serves, whether its secrets match the others'. */
public final class FleetStatus {
    private FleetStatus() {}

    /** @param differingSecrets the profile's secret keys whose value this node does not share with every other */
    public record NodeStatus(String name, String host, String dir, boolean primary, String version, boolean serving,
                             List<String> differingSecrets) {}

    public static List<NodeStatus> of(FleetStacks stacks) {
        Map<String, List<List<String>>> differing = FleetParity.differingSecrets(stacks.inOrder());
        var rows = new ArrayList<NodeStatus>();
        for (NodeStack n : stacks.inOrder()) {
            var stack = n.stack();
            URI url = stack.profile().health().url(stack.files().env().values());
            boolean serving = new app.slipway.core.verify.HealthProbe(n.connection().target()).get(url).healthy();
            var keys = new ArrayList<String>();
            differing.forEach((key, groups) -> keys.add(key)); // a differing key differs for every node that holds it
            rows.add(new NodeStatus(n.node().name(), n.node().host(), n.node().dir(),
                    n.node().name().equals(stacks.fleet().primary()), stack.currentVersion().orElse("unknown"), serving,
                    keys));
        }
        return rows;
    }

    /** The interrupted fleet run recorded on this machine, if any, in one sentence. */
    public static Optional<String> interrupted(FleetFile fleet) {
        return FleetRecord.journal(fleet).map(j -> "A fleet upgrade from " + j.from() + " to " + j.to() + " started "
                + j.at() + " was interrupted" + (j.upgraded().isEmpty() ? " before any node changed"
                : " after " + String.join(", ", j.upgraded()) + " had been upgraded")
                + ": run 'slipway fleet rollback --fleet " + fleet.file() + "' or upgrade again.");
    }
}
