package app.slipway.gui.result;

/** How the Result page colours its headline. */
public enum Tone { SUCCESS, WARNING, DANGER }
