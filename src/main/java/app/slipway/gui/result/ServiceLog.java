package app.slipway.gui.result;

import java.util.List;

/** The last log lines of one service that failed its check. */
public record ServiceLog(String service, List<String> lines) {
    public ServiceLog {
        lines = List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
