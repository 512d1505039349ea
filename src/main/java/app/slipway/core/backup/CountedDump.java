package app.slipway.core.backup;

import app.slipway.core.events.LoggedCommands;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.OutputSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the dump of {@link DatabaseDump} and sorts what it says on stderr: the row counts and the
 * dump's exit status are data, kept out of the log; everything else is logged as any command's
 * stderr is. The result's exit status is the dump's when psql itself went well.
 */
final class CountedDump {
    static final String EXIT_MARK = "slipway-dump-exit ";

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private Integer dumpExit;
    private boolean ok;

    ExecResult run(LoggedCommands commands, Command command) {
        commands.log("$ " + command.display());
        List<String> said = new ArrayList<>();
        ExecResult result = commands.target().exec(command, (stream, line) -> {
            if (stream != OutputSink.Stream.STDERR || line.isBlank()) return;
            if (line.startsWith(EXIT_MARK)) {
                dumpExit = parseExit(line.substring(EXIT_MARK.length()).strip());
                return;
            }
            var count = RowCounts.parse(line);
            if (count.isPresent()) {
                counts.put(count.get().getKey(), count.get().getValue());
                return;
            }
            said.add(line);
            commands.log(line);
        });
        int exit = result.exitCode() == 0 && dumpExit != null ? dumpExit : result.exitCode();
        ok = exit == 0;
        return new ExecResult(exit, "", String.join("\n", said));
    }

    /** The counts, when the dump was taken through psql and everything went well; empty otherwise. */
    Optional<Map<String, Long>> counts() {
        return ok && dumpExit != null ? Optional.of(counts) : Optional.empty();
    }

    private static int parseExit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
