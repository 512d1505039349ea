package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.state.Journal;
import app.slipway.core.upgrade.UpgradePlanner;
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
    @Mixin VersionOptions version;
    @Option(names = "--skip-backup", description = "Plan without the backup step.") boolean skipBackup;
    @Mixin KeepOptions keep;
    @Option(names = "--json", description = "Print the plan as JSON.") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        EnvFile.requireValidVersion(version.to); // bad input is refused before connecting anywhere
        keep.keep();
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            // .env gets the registry's spelling, asked with the logins the pulls will use
            String to = VersionSpelling.resolve(state.profile(), version.to, connection.logins());
            Plan plan = UpgradePlanner.plan(connection, state, version.upgrade(to, skipBackup, false, false, keep.keep()),
                    Journal.find(connection.target(), state.files().directory()));
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(asJson(plan)) : render(plan));
            out.flush();
            return 0;
        }
    }

    static String render(Plan plan) {
        var sb = new StringBuilder();
        sb.append("Upgrade ").append(plan.product()).append(" in ").append(plan.directory())
                .append(" on ").append(plan.target()).append(": ").append(plan.from()).append(" → ").append(plan.to()).append('\n');
        return body(sb, plan);
    }

    /** Everything below a plan's first line: its notes, its steps, the way back, and that nothing changed. */
    static String body(StringBuilder sb, Plan plan) {
        plan.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        plan.steps().forEach(step -> render(sb, step));
        if (plan.recovery().possible()) {
            sb.append("\nIf a step from ").append(plan.firstChange()).append(" on fails, Slipway goes back:\n");
            plan.recovery().steps().forEach(step -> render(sb, step));
        }
        sb.append("\nNothing was changed.");
        return sb.toString();
    }

    private static void render(StringBuilder sb, PlanStep step) {
        sb.append('\n').append(step.number()).append(". ").append(step.title())
                .append(step.skipped() ? " (skipped)" : "").append('\n');
        step.details().forEach(d -> sb.append("   ").append(d).append('\n'));
        step.commands().forEach(c -> sb.append("   $ ").append(c.display()).append('\n'));
    }

    static Map<String, Object> asJson(Plan plan) {
        var root = new LinkedHashMap<String, Object>();
        root.put("kind", plan.kind().word);
        root.put("target", plan.target());
        root.put("directory", plan.directory());
        root.put("product", plan.product());
        root.put("from", plan.from());
        root.put("to", plan.to());
        root.put("notes", plan.notes());
        root.put("steps", plan.steps().stream().map(PlanCommand::stepJson).toList());
        root.put("recovery", plan.recovery().steps().stream().map(PlanCommand::stepJson).toList());
        return root;
    }

    private static Map<String, Object> stepJson(PlanStep step) {
        var s = new LinkedHashMap<String, Object>();
        s.put("number", step.number());
        s.put("kind", step.kind().name().toLowerCase());
        s.put("title", step.title());
        s.put("skipped", step.skipped());
        s.put("changesTheStack", step.changesTheStack());
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
