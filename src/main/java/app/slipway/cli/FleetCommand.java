package app.slipway.cli;

import app.slipway.core.ExitCode;
import app.slipway.core.events.RunListener;
import app.slipway.core.fleet.FleetFile;
import app.slipway.core.fleet.FleetPlan;
import app.slipway.core.fleet.FleetPlanner;
import app.slipway.core.fleet.FleetResult;
import app.slipway.core.fleet.FleetRollback;
import app.slipway.core.fleet.FleetRun;
import app.slipway.core.fleet.FleetStacks;
import app.slipway.core.fleet.FleetStatus;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.upgrade.UpgradeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway fleet}: one product on several servers, upgraded in rolling order (README §Several servers). */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "One product on several servers (a fleet file): status, plan, and a rolling upgrade or rollback"
                + " — the primary first and alone, then the others a batch at a time, never all down.",
        subcommands = {FleetCommand.Status.class, FleetCommand.PlanIt.class, FleetCommand.Upgrade.class,
                FleetCommand.Rollback.class})
public final class FleetCommand {

    abstract static class FleetOptions {
        @Option(names = "--fleet", paramLabel = "FILE", required = true, description = "The fleet file: profile, primary, batch, pause, nodes.")
        Path fleetFile;
        @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
        @Spec CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter progress() {
            return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        }

        /** Each node's events, printed with its name in front; append-only even on a terminal, the nodes run side by side. */
        Function<String, RunListener> printers(int width, Map<String, Integer> steps) {
            if (Display.of(spec).quiet()) return name -> RunListener.IGNORE;
            return name -> new EventPrinter(progress(), steps.getOrDefault(name, 0),
                    String.format(java.util.Locale.ROOT, "%-" + width + "s ", name));
        }

        int finish(FleetResult result) {
            PrintWriter out = out();
            if (json) {
                var root = new LinkedHashMap<String, Object>();
                root.put("result", result.exitCode() == ExitCode.DONE ? "done" : result.exitCode().name().toLowerCase());
                root.put("exitCode", result.exitCode().code);
                root.put("message", result.message());
                var nodes = new LinkedHashMap<String, Object>();
                result.nodes().forEach((name, r) -> nodes.put(name, Map.of("result", r.result(), "exitCode", r.exitCode().code,
                        "backup", r.backupId() == null ? "" : r.backupId(), "message", r.message())));
                root.put("nodes", nodes);
                out.println(Json.write(root));
                out.flush();
            } else {
                LastSentence.print(out, spec.commandLine().getErr(), result.exitCode() == ExitCode.DONE, result.message());
            }
            return result.exitCode().code;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each node's version, whether it serves, and whether its secrets match the others'.")
    static final class Status extends FleetOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            FleetFile fleet = FleetFile.read(fleetFile);
            try (FleetStacks stacks = FleetStacks.open(fleet)) {
                List<FleetStatus.NodeStatus> rows = FleetStatus.of(stacks);
                var interrupted = FleetStatus.interrupted(fleet);
                if (json) {
                    var root = new LinkedHashMap<String, Object>();
                    root.put("fleet", fleet.file().toString());
                    root.put("nodes", rows);
                    root.put("interrupted", interrupted.orElse(null));
                    out().println(Json.write(root));
                } else {
                    out().printf("%-12s %-8s %-34s %-10s %-8s %s%n", "NODE", "ROLE", "HOST", "VERSION", "SERVING", "SECRETS");
                    for (var r : rows) {
                        out().printf("%-12s %-8s %-34s %-10s %-8s %s%n", r.name(), r.primary() ? "primary" : "", r.host(),
                                r.version(), r.serving() ? "yes" : "NO",
                                r.differingSecrets().isEmpty() ? "match" : "differ: " + String.join(", ", r.differingSecrets()));
                    }
                    interrupted.ifPresent(out()::println);
                }
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Every node's steps in rollout order, with the commands they run. Changes nothing.")
    static final class PlanIt extends FleetOptions implements Callable<Integer> {
        @Option(names = "--to", paramLabel = "VERSION", required = true, description = "The version to upgrade to.") String to;
        @Option(names = "--skip-backup", description = "Plan without backups.") boolean skipBackup;

        @Override
        public Integer call() {
            EnvFile.requireValidVersion(to);
            FleetFile fleet = FleetFile.read(fleetFile);
            try (FleetStacks stacks = FleetStacks.open(fleet)) {
                FleetPlan plan = FleetPlanner.plan(stacks, UpgradeOptions.planOnly(
                        VersionSpelling.resolve(stacks.inOrder().get(0).stack().profile(), to,
                                stacks.inOrder().get(0).connection().logins()), skipBackup));
                if (json) {
                    var root = new LinkedHashMap<String, Object>();
                    root.put("fleet", fleet.file().toString());
                    root.put("from", plan.from());
                    root.put("to", plan.to());
                    root.put("order", plan.nodes().stream().map(FleetPlan.NodePlan::name).toList());
                    root.put("batches", plan.batches());
                    root.put("notes", plan.notes());
                    var nodes = new LinkedHashMap<String, Object>();
                    plan.nodes().forEach(n -> nodes.put(n.name(), PlanCommand.asJson(n.plan())));
                    root.put("nodes", nodes);
                    out().println(Json.write(root));
                } else {
                    out().println("Rolling upgrade of " + plan.product() + " on " + plan.nodes().size() + " nodes: "
                            + plan.from() + " → " + plan.to());
                    plan.notes().forEach(n -> out().println("Note: " + n));
                    for (var n : plan.nodes()) {
                        out().println();
                        out().println("── " + n.name() + (n.primary() ? " (primary)" : "") + " ─────────");
                        out().println(PlanCommand.render(n.plan()).replace("\nNothing was changed.", ""));
                    }
                    out().println();
                    out().println("Nothing was changed.");
                }
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "The rolling upgrade: every node pulls and locks first; the primary alone; then the others a"
                    + " batch at a time. A failure takes every upgraded node back, newest first (exit 4).")
    static final class Upgrade extends FleetOptions implements Callable<Integer> {
        @Option(names = "--to", paramLabel = "VERSION", required = true, description = "The version to upgrade to.") String to;
        @Option(names = "--skip-backup", description = "Do not back up first.") boolean skipBackup;
        @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
        @Option(names = "--resume", description = "Finish a fleet upgrade that was interrupted (connection lost, app killed).")
        boolean resume;
        @Option(names = "--break-lock", description = "Take the nodes' locks even though a run that is gone holds them.")
        boolean breakLock;

        @Override
        public Integer call() {
            EnvFile.requireValidVersion(to);
            FleetFile fleet = FleetFile.read(fleetFile);
            try (FleetStacks stacks = FleetStacks.open(fleet)) {
                FleetPlan plan = FleetPlanner.plan(stacks, new UpgradeOptions(
                        VersionSpelling.resolve(stacks.inOrder().get(0).stack().profile(), to,
                                stacks.inOrder().get(0).connection().logins()), skipBackup, breakLock, resume));
                Confirmation.require(yes, "Upgrade " + plan.product() + " on " + plan.nodes().size() + " nodes from "
                        + plan.from() + " to " + plan.to() + ", " + fleet.primary() + " first?");
                var steps = new LinkedHashMap<String, Integer>();
                plan.nodes().forEach(n -> steps.put(n.name(), n.plan().steps().size()));
                int width = plan.nodes().stream().mapToInt(n -> n.name().length()).max().orElse(4);
                return finish(new FleetRun(plan, printers(width, steps)).run());
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Every node back to the backup the last successful fleet upgrade took of it, the primary last.")
    static final class Rollback extends FleetOptions implements Callable<Integer> {
        @Option(names = "--restore-database", description = "Also restore the database (on the primary) from its backup.")
        boolean restoreDatabase;
        @Option(names = "--yes", description = "Do not ask for confirmation.") boolean yes;
        @Option(names = "--break-lock", description = "Take the nodes' locks even though a run that is gone holds them.")
        boolean breakLock;

        @Override
        public Integer call() {
            FleetFile fleet = FleetFile.read(fleetFile);
            try (FleetStacks stacks = FleetStacks.open(fleet)) {
                List<Plan> plans = FleetRollback.plan(stacks, restoreDatabase, breakLock);
                if (!plans.isEmpty()) {
                    Confirmation.require(yes, "Roll " + plans.size() + " nodes back to " + plans.get(0).to() + "?");
                }
                var steps = new LinkedHashMap<String, Integer>();
                int width = fleet.nodes().stream().mapToInt(n -> n.name().length()).max().orElse(4);
                fleet.nodes().forEach(n -> steps.put(n.name(), plans.isEmpty() ? 0 : plans.get(0).steps().size()));
                return finish(FleetRollback.run(stacks, plans, printers(width, steps)));
            }
        }
    }
}
