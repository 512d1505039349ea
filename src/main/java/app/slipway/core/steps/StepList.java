package app.slipway.core.steps;

import app.slipway.core.host.Command;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import java.util.ArrayList;
import java.util.List;

/** A planner's step list as it grows: numbers the steps (after {@code offset}, for a recovery's). */
public final class StepList {
    private final int offset;
    private final List<PlanStep> steps = new ArrayList<>();

    public StepList() {
        this(0);
    }

    public StepList(int offset) {
        this.offset = offset;
    }

    public PlanStep add(StepKind kind, List<String> details, List<Command> commands, StepAction action) {
        return add(kind, kind.title, details, commands, action);
    }

    public PlanStep add(StepKind kind, String title, List<String> details, List<Command> commands, StepAction action) {
        var step = new PlanStep(offset + steps.size() + 1, kind, title, details, commands, kind.changesTheStack(), false,
                action);
        steps.add(step);
        return step;
    }

    /** A step shown but not run; {@code reason} says why. */
    public PlanStep skip(StepKind kind, String reason) {
        var step = new PlanStep(offset + steps.size() + 1, kind, kind.title, List.of(reason), List.of(),
                kind.changesTheStack(), true, StepAction.NOTHING);
        steps.add(step);
        return step;
    }

    public int numberOf(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).mapToInt(PlanStep::number).findFirst().orElse(0);
    }

    /** How many numbers this list has used, its offset included: the next list's offset. */
    public int size() {
        return offset + steps.size();
    }

    public List<PlanStep> steps() {
        return List.copyOf(steps);
    }
}
