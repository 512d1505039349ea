package app.slipway.core.events;

import app.slipway.core.run.PlanStep;
import java.time.Duration;

/**
 * What a run reports as it goes. The CLI prints these; the wizard binds to them. One engine, two
 * faces: neither face has flow logic of its own.
 */
public sealed interface RunEvent {

    record StepStarted(PlanStep step) implements RunEvent {}

    record StepFinished(PlanStep step, Duration took) implements RunEvent {}

    record StepSkipped(PlanStep step, String reason) implements RunEvent {}

    record StepFailed(PlanStep step, String message, Duration took) implements RunEvent {}

    /** Bytes of one layer of one image being pulled; {@code total} is 0 while unknown. */
    record PullProgress(String image, String layer, String status, long current, long total) implements RunEvent {}

    /** A line of output from a command or a container; {@code source} says whose. */
    record LogLine(String source, String line) implements RunEvent {}

    /** Something the user should read that is not a step boundary (a rollback starting, a hint). */
    record Notice(String message) implements RunEvent {}
}
