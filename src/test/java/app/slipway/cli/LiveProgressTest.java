package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.events.RunEvent;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live progress against a screen in memory: what a person at a terminal sees, redraw by redraw. */
class LiveProgressTest {
    private static final String IMAGE = "127.0.0.1:5555/acme/server:1.9.9";
    private long now;
    private final FakeTerminal terminal = new FakeTerminal();

    private LiveProgress live(int width, boolean colour) {
        return new LiveProgress(terminal, 9, width, colour, () -> now);
    }

    private static PlanStep step(int number, StepKind kind, StepAction action) {
        return new PlanStep(number, kind, kind.title, List.of("why"), List.of(), false, false, action);
    }

    private static final PlanStep CONNECT = step(1, StepKind.CONNECT, StepAction.NOTHING);
    private static final PlanStep PULL = step(3, StepKind.PREFLIGHT, run -> {});
    private static final PlanStep RESTART = step(8, StepKind.RESTART, run -> {});

    @Test
    void aPullIsOneBlockRedrawnInPlaceAndSettlesIntoOneLine() {
        LiveProgress live = live(100, false);
        live.on(new RunEvent.StepStarted(CONNECT));
        live.on(new RunEvent.StepFinished(CONNECT, Duration.ofMillis(1)));
        live.on(new RunEvent.StepStarted(PULL));
        live.on(new RunEvent.PullProgress(IMAGE, "a", "Downloading", 10_000_000, 40_000_000));
        now += 2_500_000_000L;
        live.on(new RunEvent.PullProgress(IMAGE, "a", "Downloading", 20_000_000, 40_000_000));

        assertEquals(List.of("[1/9] Connect  done", "[3/9] Preflight  2.5 s",
                "      " + IMAGE + "  [============>           ]  20.0 MB / 40.0 MB"), terminal.lines());

        now += 500_000_000L;
        live.on(new RunEvent.PullProgress(IMAGE, "a", "Pull complete", 0, 0));
        live.tick();
        assertEquals(List.of("[1/9] Connect  done", "[3/9] Preflight  3.0 s", "      " + IMAGE + "  pulled 40.0 MB"),
                terminal.lines(), "the elapsed time moves on a tick; the image is counted whole");

        live.on(new RunEvent.StepFinished(PULL, Duration.ofMillis(3000)));
        assertEquals(List.of("[1/9] Connect  done", "[3/9] Preflight  done in 3.0 s"), terminal.lines(),
                "the block is gone, one line stays");
        assertTrue(terminal.raw().contains("\033[2A\033[J"), "the block was redrawn by moving up over it");
    }

    @Test
    void aFailedStepSaysHowLongNotWhyAndKeepsItsLastLogLine() {
        LiveProgress live = live(100, false);
        live.on(new RunEvent.StepStarted(RESTART));
        live.on(new RunEvent.LogLine("web", "starting"));
        now += 200_000_000L;
        live.on(new RunEvent.LogLine("web", "port 8080 taken"));
        assertEquals(List.of("[8/9] Restart  0.2 s", "      web | port 8080 taken"), terminal.lines(), "only the last log line");

        live.on(new RunEvent.StepFailed(RESTART, "web did not start: port 8080 taken", Duration.ofMillis(300)));
        live.on(new RunEvent.Notice("The upgrade failed; going back to 1.0.0."));
        live.close();
        assertEquals(List.of("[8/9] Restart  FAILED after 0.3 s", "      web | port 8080 taken",
                "      The upgrade failed; going back to 1.0.0."), terminal.lines());
        assertFalse(terminal.raw().contains("web did not start"), "the sentence is the run's last line, not the step's");
    }

    @Test
    void linesAreCutToTheWidthSoNoneWraps() {
        LiveProgress live = live(40, false);
        live.on(new RunEvent.StepStarted(PULL));
        live.on(new RunEvent.PullProgress(IMAGE, "a", "Downloading", 1, 40_000_000));
        live.on(new RunEvent.LogLine("web", "x".repeat(200)));
        live.tick();
        assertTrue(terminal.widest() < 40, "widest line " + terminal.widest() + ":\n" + String.join("\n", terminal.lines()));
        assertEquals(3, terminal.lines().size(), terminal.lines().toString());
    }

    @Test
    void coloursMarkStatesOnlyAndNoneWhenAskedForNone() {
        LiveProgress plain = live(80, false);
        plain.on(new RunEvent.StepStarted(PULL));
        plain.on(new RunEvent.StepFinished(PULL, Duration.ofSeconds(2)));
        plain.on(new RunEvent.StepSkipped(RESTART, "nothing to restart"));
        assertFalse(terminal.raw().matches("(?s).*\033\\[[0-9;]*m.*"), "no colour codes: " + terminal.raw());

        var coloured = new FakeTerminal();
        var live = new LiveProgress(coloured, 9, 80, true, () -> now);
        live.on(new RunEvent.StepStarted(PULL));
        live.on(new RunEvent.StepFinished(PULL, Duration.ofSeconds(2)));
        live.on(new RunEvent.StepStarted(RESTART));
        live.on(new RunEvent.StepFailed(RESTART, "no", Duration.ofSeconds(1)));
        assertTrue(coloured.raw().contains("\033[32mdone in 2.0 s\033[0m"), coloured.raw());
        assertTrue(coloured.raw().contains("\033[31mFAILED after 1.0 s\033[0m"), coloured.raw());
        assertEquals(List.of("[3/9] Preflight  done in 2.0 s", "[8/9] Restart  FAILED after 1.0 s"), coloured.lines());
    }
}
