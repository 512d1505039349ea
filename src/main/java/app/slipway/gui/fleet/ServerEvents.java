package app.slipway.gui.fleet;

import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.fleet.FleetResult;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.RunResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A fleet run's events and outcome as the Run and Result pages take them: every line says its server. */
public final class ServerEvents {
    private ServerEvents() {}

    /**
     * Each server's listener for a fleet run: its events named by server and passed on one at a time
     * (the servers report from their own threads).
     */
    public static Function<String, RunListener> byServer(RunListener page) {
        Object lock = new Object();
        return name -> event -> {
            synchronized (lock) {
                page.on(byServer(name, event));
            }
        };
    }

    /** A server's log lines and notices say whose they are (steps say it through their rows). */
    static RunEvent byServer(String name, RunEvent event) {
        if (event instanceof RunEvent.LogLine l) return new RunEvent.LogLine(name + " " + l.source(), l.line());
        if (event instanceof RunEvent.Notice n) return new RunEvent.Notice(name + ": " + n.message());
        if (event instanceof RunEvent.PullProgress p) { // a progress bar per server and image
            return new RunEvent.PullProgress(name + " " + p.image(), p.layer(), p.status(), p.current(), p.total());
        }
        return event;
    }

    /**
     * The fleet's outcome as one run's: the failing servers' logs named by server, and the backup of the
     * first server that took one (the primary's, in the session's directory; none when backups were skipped,
     * and then there is no fleet rollback to offer either).
     */
    public static RunResult result(RunKind kind, String from, String to, FleetResult fleet) {
        Map<String, List<String>> logs = new LinkedHashMap<>();
        fleet.nodes().forEach((node, r) -> r.failedLogs().forEach((service, lines) -> logs.put(node + " " + service, lines)));
        String backup = fleet.nodes().values().stream().map(RunResult::backupId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new RunResult(kind, from, to, fleet.exitCode(), fleet.message(), backup, Optional.empty(), List.of(), logs,
                Duration.ZERO);
    }
}
