package app.slipway.core.run;

import app.slipway.core.events.*;
import app.slipway.core.run.PlanStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs steps one by one, telling the listener when each starts, ends or fails, and keeps how
 * long each took for the result.
 */
final class StepClock {
    interface Body {
        void run() throws Exception;
    }

    private final RunListener listener;
    private final List<StepOutcome> outcomes = new ArrayList<>();

    StepClock(RunListener listener) {
        this.listener = listener;
    }

    void run(PlanStep step, Body body) {
        long start = System.nanoTime();
        listener.on(new RunEvent.StepStarted(step));
        try {
            body.run();
        } catch (RuntimeException e) {
            Duration took = since(start);
            outcomes.add(new StepOutcome(step, "failed", took));
            listener.on(new RunEvent.StepFailed(step, String.valueOf(e.getMessage()), took));
            throw e;
        } catch (Exception e) {
            Duration took = since(start);
            outcomes.add(new StepOutcome(step, "failed", took));
            listener.on(new RunEvent.StepFailed(step, String.valueOf(e.getMessage()), took));
            throw new IllegalStateException(e);
        }
        Duration took = since(start);
        outcomes.add(new StepOutcome(step, "done", took));
        listener.on(new RunEvent.StepFinished(step, took));
    }

    void skip(PlanStep step, String reason) {
        outcomes.add(new StepOutcome(step, "skipped", Duration.ZERO));
        listener.on(new RunEvent.StepSkipped(step, reason));
    }

    List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
