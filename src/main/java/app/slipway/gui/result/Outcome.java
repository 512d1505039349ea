package app.slipway.gui.result;

import app.slipway.core.run.RunKind;
import app.slipway.core.ExitCode;
import app.slipway.core.run.RunResult;
import app.slipway.gui.shell.RunJob;

/**
 * The words and colour of how a run ended, and whether a rollback makes sense now: after a
 * successful upgrade the user may regret (it took a backup to return to), and after a rollback that
 * failed (try again). Not after an automatic rollback that worked: the old version already serves.
 *
 * @param headline        the one line in big letters
 * @param tone            its colour
 * @param rollbackOffered whether the page offers Rollback
 */
public record Outcome(String headline, Tone tone, boolean rollbackOffered) {

    /**
     * @param cancelled whether the user asked to cancel (a cancelled run ends as a refusal)
     * @param product   the product's display name, e.g. "Strata"
     */
    public static Outcome of(RunKind kind, RunResult result, boolean cancelled, String product) {
        ExitCode code = result.exitCode();
        String to = result.to() == null ? "" : " " + result.to();
        return switch (code) {
            case DONE -> new Outcome(switch (kind) {
                case UPGRADE -> "Upgraded to" + to + " and healthy";
                case INSTALL -> "Installed " + product + to + ", running and healthy";
                case ROLLBACK -> "Rolled back to" + to + " and healthy";
                case BACKUP -> "Backed up " + product + to;
            }, Tone.SUCCESS, kind == RunKind.UPGRADE && result.backupId() != null);
            case ROLLED_BACK -> new Outcome(kind == RunKind.INSTALL
                    ? "The re-install failed and was undone"
                    : "The upgrade failed and was rolled back", Tone.WARNING, false);
            case ROLLBACK_FAILED -> kind == RunKind.INSTALL
                    ? new Outcome("The install failed: the stack needs you", Tone.DANGER, false)
                    : new Outcome("Rollback failed: the stack needs you", Tone.DANGER, true);
            case REFUSED -> new Outcome(cancelled ? "Cancelled before any change" : "Refused before any change",
                    Tone.WARNING, false);
            case BAD_INPUT, UPDATE_AVAILABLE -> new Outcome("Stopped before any change", Tone.WARNING, false);
            case INTERNAL -> new Outcome("Something went wrong inside Slipway", Tone.DANGER, false);
        };
    }
}
