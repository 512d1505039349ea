package app.slipway.gui.run;

/** Where one step of a run is, as the Run page shows it. */
public enum StepState {
    PENDING, RUNNING, DONE, SKIPPED, FAILED,
    /** A step of the plan's way back: runs only when a step that changes the stack fails. */
    STANDBY
}
