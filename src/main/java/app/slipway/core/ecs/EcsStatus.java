package app.slipway.core.ecs;

import app.slipway.core.backup.BackupText;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.JournalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ecs status}: what each service runs (revision, images, tasks, deployment), the product and
 * version, an interrupted run, and the last run this machine recorded for the cluster.
 */
public record EcsStatus(EcsStack stack, Optional<JournalEntry> interrupted, Optional<HistoryEntry> lastRun) {

    /** The status of {@code stack}, with what this machine recorded for its cluster. */
    public static EcsStatus read(EcsStack stack) {
        var dir = EcsRecord.directory(stack.target().region(), stack.target().cluster());
        return of(stack, EcsRecord.interrupted(dir), EcsRecord.history(dir));
    }

    public static EcsStatus of(EcsStack stack, Optional<JournalEntry> interrupted, List<HistoryEntry> history) {
        return new EcsStatus(stack, interrupted, history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1)));
    }

    public String text() {
        var sb = new StringBuilder();
        EcsTarget t = stack.target();
        sb.append(stack.profile().name()).append(' ').append(stack.version()).append(" on ").append(t.describe())
                .append('\n');
        for (EcsService s : stack.services()) {
            var svc = s.service();
            sb.append("  ").append(s.name()).append(": ").append(s.revision()).append(", ").append(svc.runningCount())
                    .append('/').append(svc.desiredCount()).append(" running")
                    .append(s.deploymentInProgress().map(d -> ", deployment " + d.id() + " in progress").orElse(""))
                    .append('\n');
            s.taskDefinition().containerDefinitions().forEach(c ->
                    sb.append("    ").append(c.name()).append(": ").append(c.image()).append('\n'));
        }
        stack.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        interrupted.ifPresent(j -> sb.append(stack.redactor().redact(EcsSentences.interrupted(j, t))).append('\n'));
        lastRun.ifPresent(h -> sb.append("Last run from this machine: ").append(h.command()).append(' ').append(h.from())
                .append(" → ").append(h.to()).append(", ").append(h.result()).append(", ")
                .append(BackupText.when(h.when(), "time not recorded")).append('\n'));
        return sb.toString().stripTrailing();
    }

    public Map<String, Object> json() {
        var root = new LinkedHashMap<String, Object>();
        root.put("cluster", stack.target().cluster());
        root.put("region", stack.target().region());
        root.put("product", stack.profile().name());
        root.put("version", stack.version());
        List<Map<String, Object>> services = new ArrayList<>();
        for (EcsService s : stack.services()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", s.name());
            m.put("taskDefinition", s.revision());
            m.put("running", s.service().runningCount());
            m.put("desired", s.service().desiredCount());
            m.put("deploymentInProgress", s.deploymentInProgress().map(d -> d.id()).orElse(null));
            var images = new LinkedHashMap<String, String>();
            s.taskDefinition().containerDefinitions().forEach(c -> images.put(c.name(), c.image()));
            m.put("images", images);
            services.add(m);
        }
        root.put("services", services);
        root.put("notes", stack.notes());
        root.put("interrupted", interrupted.map(j -> stack.redactor().redact(EcsSentences.interrupted(j, stack.target())))
                .orElse(null));
        root.put("lastRun", lastRun.map(h -> Map.of("command", h.command(), "from", h.from(), "to", h.to(),
                "result", h.result(), "when", h.when())).orElse(null));
        return root;
    }
}
