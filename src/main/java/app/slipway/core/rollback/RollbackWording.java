package app.slipway.core.rollback;

import app.slipway.core.run.RunContext;
import app.slipway.core.run.Wording;

/** What a rollback tells the user at its end. */
record RollbackWording(String product, String dir, String to, String source, boolean withData) implements Wording.WithoutRecovery {
    @Override
    public String done(RunContext run) {
        return product + " " + to + " is running and healthy in " + dir + " (from " + source
                + (withData ? ", with its data" : "") + ").";
    }

    @Override
    public String failedWithoutRecovery(String why, RunContext run) {
        return "The rollback to " + to + " failed (" + why + "). Check the services with 'docker compose ps' and"
                + " their logs in " + dir + "; the backups are in " + dir + "/backups.";
    }
}
