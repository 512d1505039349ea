package app.slipway.cli;

import app.slipway.core.backup.BackupText;
import app.slipway.core.host.Target;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway history}: every run recorded in DIR/.slipway/history.jsonl, newest first. Changes nothing. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists every run recorded for the stack (DIR/.slipway/history.jsonl), newest first: when, who, "
                + "what kind, from and to which version, the result, the backup it took, how long it took. Changes nothing.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin InstallDirectory dir;
    @Option(names = "--json", description = "Print the runs as a JSON array.") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Target t = target.openTarget()) {
            String directory = dir.on(t);
            // The file is in the order the runs ended: its end is the newest.
            List<HistoryEntry> entries = new ArrayList<>(History.read(t, directory));
            Collections.reverse(entries);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(entries.stream().map(HistoryCommand::asJson).toList())
                    : render(directory, entries));
            out.flush();
            return 0;
        }
    }

    static String render(String directory, List<HistoryEntry> newestFirst) {
        if (newestFirst.isEmpty()) return "No runs recorded in " + directory + "/.slipway/history.jsonl.";
        var sb = new StringBuilder();
        sb.append(newestFirst.size()).append(newestFirst.size() == 1 ? " run" : " runs").append(" recorded for ")
                .append(directory).append(", newest first:\n");
        for (HistoryEntry e : newestFirst) {
            sb.append('\n').append(BackupText.when(e.when(), "(time not recorded)")).append("  ").append(or(e.command(), "run")).append(' ')
                    .append(versions(e)).append(": ").append(or(e.result(), "unknown result"))
                    .append(", ").append(seconds(e.durationMs())).append(", by ").append(or(e.who(), "unknown")).append('\n');
            if (e.backupId() != null && !e.backupId().isBlank()) sb.append("   backup ").append(e.backupId()).append('\n');
            if (e.message() != null && !e.message().isBlank()) sb.append("   ").append(e.message()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** One run: every key always there (null when an older Slipway did not record it). */
    static Map<String, Object> asJson(HistoryEntry e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("when", e.when());
        m.put("who", e.who());
        m.put("kind", e.command());
        m.put("from", e.from());
        m.put("to", e.to());
        m.put("result", e.result());
        m.put("backup", e.backupId());
        m.put("durationMs", e.durationMs());
        m.put("message", e.message());
        return m;
    }

    private static String versions(HistoryEntry e) {
        boolean from = e.from() != null && !e.from().isBlank();
        boolean to = e.to() != null && !e.to().isBlank();
        if (from && to) return e.from().equals(e.to()) ? e.to() : e.from() + " → " + e.to();
        if (to) return "→ " + e.to();
        return from ? e.from() : "(versions not recorded)";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
