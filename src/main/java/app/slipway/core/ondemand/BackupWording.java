package app.slipway.core.ondemand;

import app.slipway.core.backup.BackupText;
import app.slipway.core.run.RunContext;
import app.slipway.core.run.Wording;
import app.slipway.core.steps.RetentionStep;

/** What {@code slipway backup} tells the user at its end: where the backup is, what it removed. */
record BackupWording(String product, String version, RetentionStep.Removals removals) implements Wording.WithoutRecovery {
    @Override
    public String done(RunContext run) {
        String taken = run.backup().map(b -> "Backup " + b.id() + " of " + product + " " + version + " is in " + b.path()
                + " (" + BackupText.size(b.manifest().totalSize()) + ")").orElse("The backup is done");
        int removed = removals.done().size();
        return taken + (removed == 0 ? "; no older backup was removed."
                : "; " + removed + " older backup" + (removed == 1 ? " was" : "s were") + " removed ("
                + BackupText.size(removals.freedBytes()) + " freed).");
    }

    // A backup changes nothing in the stack, so there is never anything to roll back.

    @Override
    public String failedWithoutRecovery(String why, RunContext run) {
        return "The backup of " + product + " failed (" + why + "); the stack was not changed.";
    }
}
