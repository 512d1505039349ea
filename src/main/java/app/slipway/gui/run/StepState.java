package app.slipway.gui.run;

/** Where one step of a run is, as the Run page shows it. */
public enum StepState { PENDING, RUNNING, DONE, SKIPPED, FAILED }
