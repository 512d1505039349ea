package app.slipway.cli;

import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.PlanStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A run's progress on a person's terminal, the way docker shows a pull: the running step is a
 * block redrawn in place (its elapsed time, a bar per image being pulled, the last log line) and
 * becomes one settled line when it ends. Redraws move the cursor up over the block with ANSI codes
 * and clear to the end of the screen; block lines are cut to the width so none wraps, which would
 * throw the count off. Colour marks states only: done, FAILED, skipped.
 */
final class LiveProgress implements RunListener, AutoCloseable {
    private static final String GREEN = "\033[32m";
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String RESET = "\033[0m";
    private static final String INDENT = "      ";
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final Writer out;
    private final int totalSteps;
    private final int width;
    private final boolean colour;
    private final LongSupplier nanos;
    private final PullTally pulls = new PullTally();
    private PlanStep running;
    private long startedAt;
    private long drawnAt;
    private String lastLog;
    private int drawn;
    private Thread ticker;

    /** @param nanos the clock for elapsed times ({@code System::nanoTime}; tests pass their own) */
    LiveProgress(Writer out, int totalSteps, int width, boolean colour, LongSupplier nanos) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.width = Math.max(width, 20);
        this.colour = colour;
        this.nanos = nanos;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            running = s.step();
            startedAt = nanos.getAsLong();
            pulls.clear();
            lastLog = null;
            redraw();
        } else if (event instanceof RunEvent.StepFinished f) {
            settle(title(f.step()) + "  " + paint(StepText.done(f.step(), f.took()), GREEN));
        } else if (event instanceof RunEvent.StepSkipped k) {
            settle(title(k.step()) + ": " + paint("skipped", YELLOW) + " (" + k.reason() + ")");
        } else if (event instanceof RunEvent.StepFailed f) {
            String log = lastLog;
            settle(title(f.step()) + "  " + paint(StepText.failed(f.took()), RED));
            if (log != null) print(INDENT + log); // what the step said last is worth keeping
        } else if (event instanceof RunEvent.LogLine l) {
            lastLog = l.source() + " | " + l.line();
            redrawSoon();
        } else if (event instanceof RunEvent.Notice n) {
            print(INDENT + n.message());
        } else if (event instanceof RunEvent.PullProgress p) {
            pulls.add(p);
            redrawSoon();
        }
        flush();
    }

    /** Redraws the running step so its elapsed time moves while nothing else happens. */
    synchronized void tick() {
        if (running == null) return;
        redraw();
        flush();
    }

    /** A daemon thread ticking a few times a second until {@link #close}. */
    void startTicking() {
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(250);
                    tick();
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        }, "slipway-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Stops ticking and leaves no block behind: what follows is printed below the settled lines. */
    @Override
    public synchronized void close() {
        if (ticker != null) ticker.interrupt();
        running = null;
        erase();
        flush();
    }

    private void settle(String line) {
        running = null;
        print(line);
    }

    /** A line that stays: the block goes, the line is written, the block comes back below it. */
    private void print(String line) {
        erase();
        write(line + "\n");
        redraw();
    }

    private void redrawSoon() {
        if (nanos.getAsLong() - drawnAt >= REDRAW_EVERY_NANOS) redraw();
    }

    private void redraw() {
        erase();
        if (running == null) return;
        List<String> lines = block();
        var text = new StringBuilder();
        for (String line : lines) text.append(cut(line)).append('\n');
        write(text.toString());
        drawn = lines.size();
        drawnAt = nanos.getAsLong();
    }

    private List<String> block() {
        var lines = new ArrayList<String>();
        lines.add(title(running) + "  " + StepText.seconds(Duration.ofNanos(nanos.getAsLong() - startedAt)));
        for (String image : pulls.images()) lines.add(pullLine(image));
        if (lastLog != null) lines.add(INDENT + lastLog);
        return lines;
    }

    /** "      acme/server:1.9.9  [==========>         ]  12.3 MB / 45.6 MB", the name shortened first when narrow. */
    private String pullLine(String image) {
        long current = pulls.current(image);
        long total = pulls.total(image);
        String state;
        if (total == 0) {
            state = "waiting";
        } else if (pulls.layersDone(image) == pulls.layers(image)) {
            state = "pulled " + StepText.mb(total);
        } else {
            int filled = (int) Math.min(BAR, BAR * current / total);
            state = "[" + "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "") + "]  "
                    + StepText.mb(current) + " / " + StepText.mb(total);
        }
        int room = width - 1 - INDENT.length() - 2 - state.length();
        String name = image.length() <= room ? image
                : room < 2 ? "" : "…" + image.substring(image.length() - room + 1);
        return INDENT + name + "  " + state;
    }

    private void erase() {
        if (drawn == 0) return;
        write("\r\033[" + drawn + "A\033[J");
        drawn = 0;
    }

    private String title(PlanStep step) {
        return StepText.position(step, totalSteps) + " " + step.title();
    }

    /** One column short of the width: a line that fills the last column wraps on some terminals. */
    private String cut(String line) {
        return line.length() < width ? line : line.substring(0, width - 2) + "…";
    }

    private String paint(String text, String code) {
        return colour ? code + text + RESET : text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
