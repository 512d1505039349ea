package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.ServiceRow;
import app.slipway.core.stack.StackState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import app.slipway.core.state.Journal;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code slipway status}: product, pinned and running versions, and every service. Changes nothing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the product, the pinned and running versions, and each service's state, health and image.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Option(names = "--json", description = "Print the status as JSON.") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            Optional<String> interrupted = Journal.find(connection.target(), state.files().directory())
                    .map(j -> j.describe(state.files().directory(), target.hostOption()));
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(asJson(connection, state, interrupted))
                    : StatusText.render(connection, state, interrupted));
            out.flush();
            return 0;
        }
    }

    static Map<String, Object> asJson(Connection connection, StackState state, Optional<String> interrupted) {
        var root = new LinkedHashMap<String, Object>();
        root.put("product", state.profile().name());
        root.put("profile", state.profile().source());
        root.put("target", connection.target().describe());
        root.put("engine", connection.engineVersion().version());
        root.put("compose", connection.compose().describe());
        root.put("directory", state.files().directory());
        root.put("composeFile", state.files().composeFileName());
        root.put("project", state.project());
        root.put("versionVariable", state.profile().versionVariable());
        root.put("pinned", state.pinnedVersion().orElse(null));
        root.put("running", state.runningVersion().orElse(null));
        List<Map<String, Object>> services = new ArrayList<>();
        for (String name : ServiceRow.serviceNames(state)) {
            List<ServiceContainer> containers = state.containersOf(name);
            var svc = new LinkedHashMap<String, Object>();
            svc.put("name", name);
            svc.put("state", containers.isEmpty() ? "missing" : containers.get(0).state());
            svc.put("health", containers.isEmpty() ? "none" : containers.get(0).health().name().toLowerCase(java.util.Locale.ROOT));
            svc.put("image", containers.isEmpty() ? state.model().services().get(name).image() : containers.get(0).image());
            svc.put("containers", containers.stream().map(ServiceContainer::name).toList());
            services.add(svc);
        }
        root.put("services", services);
        root.put("interrupted", interrupted.orElse(null));
        return root;
    }
}
