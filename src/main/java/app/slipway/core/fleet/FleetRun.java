package app.slipway.core.fleet;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunListener;
import app.slipway.core.fleet.FleetPlan.NodePlan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.verify.HealthProbe;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a {@link FleetPlan} (README §Several servers) with each node's own runner — its lock,
 * journal, backup, way back and history — in the fleet's order: every node prepares at once
 * (pulls the new images, takes its lock, backs up) before the first change anywhere; the primary
 * changes alone and is verified; then the others, a batch at a time, and never while no node
 * outside the batch is healthy. A node that fails goes back on its own; then the nodes already
 * upgraded go back too, newest first (exit 4; 5 when a way back fails).
 */
public final class FleetRun {
    private final FleetPlan plan;
    private final Function<String, RunListener> listeners;
    /** The backups an interrupted run took of the nodes it had finished (a resumed run keeps them on record). */
    private final Map<String, String> earlierBackups = new LinkedHashMap<>();

    /** @param listeners each node's listener (the CLI prints with the node's name in front) */
    public FleetRun(FleetPlan plan, Function<String, RunListener> listeners) {
        this.plan = plan;
        this.listeners = listeners;
        FleetRecord.journal(plan.fleet()).ifPresent(j -> plan.alreadyDone().forEach(n -> earlierBackups.put(n, j.nodes().get(n))));
    }

    public FleetResult run() {
        var sessions = new LinkedHashMap<String, Runner.Session>();
        var results = Collections.synchronizedMap(new LinkedHashMap<String, RunResult>());
        try {
            for (NodePlan n : plan.nodes()) {
                sessions.put(n.name(), new Runner(n.node().connection().target(), n.plan(), listeners.apply(n.name())).start());
            }
            // Before any change: every node pulls, locks and backs up, all at once.
            Map<String, Optional<RunResult>> prepared = inParallel(plan.nodes(), n -> sessions.get(n.name()).prepare());
            for (var e : prepared.entrySet()) {
                if (e.getValue().isPresent()) {
                    RunResult r = e.getValue().get();
                    results.put(e.getKey(), r);
                    return new FleetResult(r.exitCode(), "Node " + e.getKey() + " stopped before any change, so no node"
                            + " was changed: " + r.message(), results);
                }
            }
            FleetRecord.writeJournal(plan.fleet(), record(sessions, List.of()));

            var upgraded = new ArrayList<String>();
            if (plan.primary().isPresent()) {
                NodePlan primary = plan.primary().get();
                RunResult first = sessions.get(primary.name()).change();
                results.put(primary.name(), first);
                if (first.exitCode() != ExitCode.DONE) {
                    FleetRecord.endJournal(plan.fleet());
                    return new FleetResult(first.exitCode(), "The primary " + primary.name() + " failed and the other nodes"
                            + " were not touched: " + first.message(), results);
                }
                upgraded.add(primary.name());
                FleetRecord.writeJournal(plan.fleet(), record(sessions, upgraded));
            }

            boolean firstBatch = true;
            for (List<String> batch : plan.batches()) {
                if (!firstBatch && !plan.fleet().pause().isZero()) sleep(plan.fleet().pause().toMillis());
                firstBatch = false;
                Optional<String> unguarded = noOtherNodeHealthy(batch);
                if (unguarded.isPresent()) {
                    return goBack(sessions, results, upgraded, unguarded.get(), ExitCode.ROLLED_BACK);
                }
                List<NodePlan> nodes = batch.stream().map(plan::node).toList();
                Map<String, RunResult> changed = inParallel(nodes, n -> sessions.get(n.name()).change());
                results.putAll(changed);
                var failed = changed.entrySet().stream().filter(e -> e.getValue().exitCode() != ExitCode.DONE).toList();
                changed.forEach((name, r) -> {
                    if (r.exitCode() == ExitCode.DONE) upgraded.add(name);
                });
                if (!failed.isEmpty()) {
                    var f = failed.get(0);
                    ExitCode worst = failed.stream().anyMatch(e -> e.getValue().exitCode() == ExitCode.ROLLBACK_FAILED)
                            ? ExitCode.ROLLBACK_FAILED : ExitCode.ROLLED_BACK;
                    return goBack(sessions, results, upgraded, "node " + f.getKey() + " failed: " + f.getValue().message(), worst);
                }
                FleetRecord.writeJournal(plan.fleet(), record(sessions, upgraded));
            }
            FleetRecord.writeLast(plan.fleet(), record(sessions, upgraded));
            FleetRecord.endJournal(plan.fleet());
            return new FleetResult(ExitCode.DONE, plan.product() + " " + plan.to() + " is running and healthy on all "
                    + plan.nodes().size() + " nodes (" + String.join(", ", upgraded) + ", in that order).", results);
        } finally {
            sessions.values().forEach(Runner.Session::close); // every lock, on every path
        }
    }

    /** The nodes already upgraded go back, newest first; the fleet ends on the old version. */
    private FleetResult goBack(Map<String, Runner.Session> sessions, Map<String, RunResult> results, List<String> upgraded,
                               String why, ExitCode code) {
        ExitCode worst = code;
        var reversed = new ArrayList<>(upgraded);
        Collections.reverse(reversed);
        for (String name : reversed) {
            RunResult undone = sessions.get(name).undo(why);
            results.put(name, undone);
            if (undone.exitCode() == ExitCode.ROLLBACK_FAILED) worst = ExitCode.ROLLBACK_FAILED;
        }
        FleetRecord.endJournal(plan.fleet());
        String message = worst == ExitCode.ROLLBACK_FAILED
                ? "The rolling upgrade to " + plan.to() + " failed (" + why + ") and going back failed on "
                + String.join(", ", results.entrySet().stream().filter(e -> e.getValue().exitCode() == ExitCode.ROLLBACK_FAILED)
                .map(Map.Entry::getKey).toList()) + ": each node's journal and history say what to do there."
                : "The rolling upgrade to " + plan.to() + " failed (" + why + "); every node is back on " + plan.from()
                + (reversed.isEmpty() ? "." : " (" + String.join(", then ", reversed) + " went back, newest first).");
        return new FleetResult(worst, message, results);
    }

    /** Before a batch stops its nodes: a node outside it must be serving, else nobody would be. */
    private Optional<String> noOtherNodeHealthy(List<String> batch) {
        for (NodePlan n : plan.nodes()) {
            if (batch.contains(n.name())) continue;
            var stack = n.node().stack();
            URI url = stack.profile().health().url(stack.files().env().values());
            if (new HealthProbe(n.node().connection().target()).get(url).healthy()) return Optional.empty();
        }
        return Optional.of("no node outside " + String.join(", ", batch) + " answers its health URL, so stopping "
                + String.join(", ", batch) + " would leave nobody serving");
    }

    private FleetRecord record(Map<String, Runner.Session> sessions, List<String> upgraded) {
        var backups = new LinkedHashMap<>(earlierBackups);
        var all = new ArrayList<>(plan.alreadyDone());
        all.addAll(upgraded);
        sessions.forEach((name, s) -> backups.put(name, s.context().backupId().orElse(null)));
        return new FleetRecord(plan.fleet().file().toString(), plan.from(), plan.to(), Instant.now().toString(), backups,
                List.copyOf(all));
    }

    private interface NodeWork<T> {
        T apply(NodePlan node) throws Exception;
    }

    private static <T> Map<String, T> inParallel(List<NodePlan> nodes, NodeWork<T> work) {
        if (nodes.size() == 1) {
            try {
                return Map.of(nodes.get(0).name(), work.apply(nodes.get(0)));
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size(), r -> {
            Thread t = new Thread(r, "fleet-node");
            t.setDaemon(true);
            return t;
        });
        try {
            var futures = new LinkedHashMap<String, Future<T>>();
            for (NodePlan n : nodes) futures.put(n.name(), pool.submit((Callable<T>) () -> work.apply(n)));
            var results = new LinkedHashMap<String, T>();
            for (var e : futures.entrySet()) {
                try {
                    results.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new SlipwayException(ExitCode.INTERNAL, "Interrupted while the nodes worked.");
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
