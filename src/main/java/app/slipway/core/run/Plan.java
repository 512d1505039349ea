package app.slipway.core.run;

import app.slipway.core.events.SecretRedactor;
import java.util.List;
import java.util.Optional;

/**
 * A run as a program: the steps in order, each with its commands and its action, the way back
 * for a failure after the first change, and what the run holds while it goes (the lock, the
 * journal, the secrets to mask). Planners build it from what was read and decide everything;
 * {@code slipway plan}, the wizard's Plan page and {@link Runner} all use this one object.
 *
 * @param target   where it runs, as the user reads it ("local", "ssh://…")
 * @param from     the version before (or "unknown"); {@code to} the version after
 * @param url      where the product answers once the run is done, when known
 * @param redactor the secrets that must never leave the runner in an event or the result
 */
public record Plan(RunKind kind, String target, String directory, String product, String from, String to,
                   List<String> notes, List<PlanStep> steps, Recovery recovery, LockTerms lock,
                   Journaling journaling, Wording wording, SecretRedactor redactor, Optional<String> url) {

    /** Who holds {@code DIR/.slipway/lock} and whether a stale holder may be pushed aside. */
    public record LockTerms(String purpose, boolean breakLock) {}

    public Plan {
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }

    public PlanStep step(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    /** Every step the run can show: the plan's own, then the recovery's. */
    public List<PlanStep> allSteps() {
        var all = new java.util.ArrayList<>(steps);
        all.addAll(recovery.steps());
        return List.copyOf(all);
    }

    /** The number of the first step that changes the stack, or 0 when none does. */
    public int firstChange() {
        return steps.stream().filter(s -> s.changesTheStack() && !s.skipped()).mapToInt(PlanStep::number)
                .findFirst().orElse(0);
    }
}
