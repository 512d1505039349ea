package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.UpgradeOptions;
import app.slipway.core.plan.UpgradePlan;
import app.slipway.core.plan.UpgradePlanner;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway plan}: every step an upgrade would take on this stack. Changes nothing. */
@CommandLine.Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Lists every step an upgrade to VERSION would take on this stack, with the commands it runs. Changes nothing.")
public final class PlanCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Option(names = "--to", paramLabel = "VERSION", required = true, description = "The version to upgrade to (an image tag).")
    String to;
    @Option(names = "--skip-backup", description = "Plan without the backup step.") boolean skipBackup;
    @Option(names = "--json", description = "Print the plan as JSON.") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        EnvFile.requireValidVersion(to); // bad input is refused before connecting anywhere
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            UpgradePlan plan = UpgradePlanner.plan(connection, state, UpgradeOptions.planOnly(to, skipBackup));
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(asJson(plan)) : render(plan));
            out.flush();
            return 0;
        }
    }

    static String render(UpgradePlan plan) {
        var sb = new StringBuilder();
        sb.append("Upgrade ").append(plan.product()).append(" in ").append(plan.directory())
                .append(" on ").append(plan.target()).append(": ").append(plan.from()).append(" → ").append(plan.to()).append('\n');
        plan.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        for (PlanStep step : plan.steps()) {
            sb.append('\n').append(step.number()).append(". ").append(step.title())
                    .append(step.skipped() ? " (skipped)" : "").append('\n');
            step.details().forEach(d -> sb.append("   ").append(d).append('\n'));
            step.commands().forEach(c -> sb.append("   $ ").append(c.display()).append('\n'));
        }
        sb.append("\nNothing was changed.");
        return sb.toString();
    }

    static Map<String, Object> asJson(UpgradePlan plan) {
        var root = new LinkedHashMap<String, Object>();
        root.put("target", plan.target());
        root.put("directory", plan.directory());
        root.put("product", plan.product());
        root.put("from", plan.from());
        root.put("to", plan.to());
        root.put("notes", plan.notes());
        root.put("steps", plan.steps().stream().map(PlanCommand::stepJson).toList());
        return root;
    }

    private static Map<String, Object> stepJson(PlanStep step) {
        var s = new LinkedHashMap<String, Object>();
        s.put("number", step.number());
        s.put("kind", step.kind().name().toLowerCase());
        s.put("title", step.title());
        s.put("skipped", step.skipped());
        s.put("details", step.details());
        List<Map<String, Object>> commands = step.commands().stream().map(PlanCommand::commandJson).toList();
        s.put("commands", commands);
        return s;
    }

    private static Map<String, Object> commandJson(Command c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("argv", c.argv());
        m.put("workDir", c.workDir());
        return m;
    }
}
