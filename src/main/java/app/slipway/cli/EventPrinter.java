package app.slipway.cli;

import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a run's events append-only, for a pipe or a CI log: one line per step boundary, command
 * output indented, pull progress at most once a second per image. A terminal gets {@link LiveProgress}.
 */
final class EventPrinter implements RunListener {
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private final PrintWriter out;
    private final int totalSteps;
    private final PullTally pulls = new PullTally();
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
            out.printf(prefix + "%s %s%n", StepText.position(s.step(), totalSteps), s.step().title());
        } else if (event instanceof RunEvent.StepFinished f) {
            out.printf(prefix + "      %s%n", StepText.done(f.step(), f.took()));
        } else if (event instanceof RunEvent.StepSkipped k) {
            out.printf(prefix + "%s %s: skipped (%s)%n", StepText.position(k.step(), totalSteps), k.step().title(), k.reason());
        } else if (event instanceof RunEvent.StepFailed f) {
            out.printf(prefix + "      %s%n", StepText.failed(f.took()));
        } else if (event instanceof RunEvent.LogLine l) {
            out.printf(prefix + "      %s | %s%n", l.source(), l.line());
        } else if (event instanceof RunEvent.Notice n) {
            out.printf(prefix + "      %s%n", n.message());
        } else if (event instanceof RunEvent.PullProgress p) {
            progress(p);
        }
        out.flush();
    }

    private void progress(RunEvent.PullProgress p) {
        if (p.layer() == null) return;
        boolean layerDone = pulls.add(p);
        long now = System.nanoTime();
        Long last = lastProgress.get(p.image());
        if (!layerDone && last != null && now - last < PROGRESS_EVERY_NANOS) return;
        lastProgress.put(p.image(), now);
        out.printf(prefix + "      pull %s: %d/%d layers, %s of %s%n", p.image(), pulls.layersDone(p.image()),
                pulls.layers(p.image()), StepText.mb(pulls.current(p.image())), StepText.mb(pulls.total(p.image())));
    }
}
