package app.slipway.gui.background;

import app.slipway.core.SlipwayException;

/** The one sentence a page shows for a failure; never a stack trace. */
public final class ErrorText {
    private ErrorText() {}

    public static String of(Throwable error) {
        Throwable e = error;
        while (e != null) {
            if (e instanceof SlipwayException) return e.getMessage();
            e = e.getCause();
        }
        // Not one of ours: a bug. Say so plainly and keep the trace for the terminal, not the page.
        error.printStackTrace();
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "Something unexpected went wrong (" + detail + "). This is a bug in Slipway; the details are on the terminal.";
    }
}
