package app.slipway.gui.run;

import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step in the Run page's list: what it is, where it is, and how long it took. */
public final class StepRow {
    private final int number;
    private final PlanStep step;
    private final StepKind kind;
    private final String details;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(this, "state", StepState.PENDING);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty took = new SimpleStringProperty(this, "took", "");
    /** Whether the run itself reported on this step (a planned skip is shown before it is reached). */
    private boolean reported;

    private final String group;

    StepRow(int number, PlanStep step) {
        this(number, step, "");
    }

    /** @param group the server the step belongs to in a fleet's run, "" for one stack */
    StepRow(int number, PlanStep step, String group) {
        this.group = group;
        this.number = number;
        this.step = step;
        this.kind = step.kind();
        this.details = String.join(" ", step.details());
    }

    public int number() {
        return number;
    }

    public StepKind kind() {
        return kind;
    }

    public String title() {
        return group.isEmpty() ? step.title() : group + " · " + step.title();
    }

    /** What the step does, from the plan. */
    public String details() {
        return details;
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state;
    }

    public StepState state() {
        return state.get();
    }

    /** Why it was skipped or how it failed; empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    /** "2.3 s" once it ended; empty before. */
    public ReadOnlyStringProperty tookProperty() {
        return took;
    }

    PlanStep step() {
        return step;
    }

    boolean reported() {
        return reported;
    }

    /** A step of the way back: shown from the start, run only if a change fails. */
    void standby() {
        state.set(StepState.STANDBY);
        note.set("Runs only if a step that changes the stack fails.");
    }

    /** The plan already says this step will be skipped. */
    void plannedSkip() {
        state.set(StepState.SKIPPED);
    }

    void started() {
        reported = true;
        state.set(StepState.RUNNING);
    }

    void ended(StepState end, String why, Duration duration) {
        reported = true;
        state.set(end);
        // A skipped step's reason is already its details: say it once.
        note.set(why == null || (end == StepState.SKIPPED && details.equals(why)) ? "" : why);
        took.set(duration == null ? "" : seconds(duration));
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
