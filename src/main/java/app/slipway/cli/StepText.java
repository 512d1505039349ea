package app.slipway.cli;

import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepAction;
import java.time.Duration;
import java.util.Locale;

/** The words both progress printers use for a step: its position, its end, sizes and times. */
final class StepText {
    /** Below this a step had nothing left to do at run time (its work was done while planning). */
    private static final Duration NOTHING_TO_DO = Duration.ofMillis(100);

    private StepText() {}

    /** "[3/9]" for a plan's step; "[back 1]" for a step of its way back, which is numbered after the plan's. */
    static String position(PlanStep step, int totalSteps) {
        return step.number() <= totalSteps ? "[" + step.number() + "/" + totalSteps + "]"
                : "[back " + (step.number() - totalSteps) + "]";
    }

    /** "done in 2.1 s", or "done" for a step whose work was done before the run or took no time worth saying. */
    static String done(PlanStep step, Duration took) {
        boolean nothingToDo = step.action() == StepAction.NOTHING || took.compareTo(NOTHING_TO_DO) < 0;
        return nothingToDo ? "done" : "done in " + seconds(took);
    }

    /** The failure's sentence is the run's last line; the step's line only says how long it ran. */
    static String failed(Duration took) {
        return "FAILED after " + seconds(took);
    }

    static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
