package app.slipway.cli;

import app.slipway.core.events.RunEvent;
import app.slipway.core.run.PlanStep;
import app.slipway.core.events.RunListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a run's events for a person at a terminal or in a CI log: one line per step boundary,
 * command output indented, pull progress at most once a second per image.
 */
final class EventPrinter implements RunListener {
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private final PrintWriter out;
    private final int totalSteps;
    private final Map<String, Map<String, long[]>> layers = new HashMap<>();
    private final Map<String, Long> lastProgress = new HashMap<>();

    private final String prefix;

    EventPrinter(PrintWriter out, int totalSteps) {
        this(out, totalSteps, "");
    }

    /** @param prefix in front of every line (a fleet's node name), "" for none */
    EventPrinter(PrintWriter out, int totalSteps, String prefix) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.prefix = prefix;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            out.printf(prefix + "%s %s%n", position(s.step()), s.step().title());
        } else if (event instanceof RunEvent.StepFinished f) {
            out.printf(prefix + "      done in %s%n", seconds(f.took().toMillis()));
        } else if (event instanceof RunEvent.StepSkipped k) {
            out.printf(prefix + "%s %s: skipped (%s)%n", position(k.step()), k.step().title(), k.reason());
        } else if (event instanceof RunEvent.StepFailed f) {
            out.printf(prefix + "      FAILED after %s: %s%n", seconds(f.took().toMillis()), f.message());
        } else if (event instanceof RunEvent.LogLine l) {
            out.printf(prefix + "      %s | %s%n", l.source(), l.line());
        } else if (event instanceof RunEvent.Notice n) {
            out.printf(prefix + "      %s%n", n.message());
        } else if (event instanceof RunEvent.PullProgress p) {
            progress(p);
        }
        out.flush();
    }

    /** "[3/9]" for a plan's step; "[back 1]" for a step of its way back, which is numbered after the plan's. */
    private String position(PlanStep step) {
        return step.number() <= totalSteps ? "[" + step.number() + "/" + totalSteps + "]"
                : "[back " + (step.number() - totalSteps) + "]";
    }

    private void progress(RunEvent.PullProgress p) {
        if (p.layer() == null) return;
        Map<String, long[]> perLayer = layers.computeIfAbsent(p.image(), k -> new HashMap<>());
        long[] bytes = perLayer.computeIfAbsent(p.layer(), k -> new long[2]);
        if (p.total() > 0) {
            bytes[0] = p.current();
            bytes[1] = p.total();
        }
        boolean layerDone = p.status() != null && (p.status().startsWith("Pull complete") || p.status().startsWith("Already exists"));
        if (layerDone && bytes[1] > 0) bytes[0] = bytes[1];
        long now = System.nanoTime();
        Long last = lastProgress.get(p.image());
        if (!layerDone && last != null && now - last < PROGRESS_EVERY_NANOS) return;
        lastProgress.put(p.image(), now);
        long current = perLayer.values().stream().mapToLong(b -> b[0]).sum();
        long total = perLayer.values().stream().mapToLong(b -> b[1]).sum();
        long done = perLayer.values().stream().filter(b -> b[1] > 0 && b[0] >= b[1]).count();
        out.printf(prefix + "      pull %s: %d/%d layers, %s of %s%n", p.image(), done, perLayer.size(), mb(current), mb(total));
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
