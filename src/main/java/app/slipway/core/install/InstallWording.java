package app.slipway.core.install;

import app.slipway.core.run.RunContext;
import app.slipway.core.run.Wording;

/** What an install or its re-run tells the user at its end. */
record InstallWording(String product, String dir, String where, String hostOption, String to, String from,
                      boolean rerun, String url) implements Wording {
    @Override
    public String done(RunContext run) {
        return product + " " + to + " is " + (rerun ? "re-installed" : "installed") + ", running and healthy in " + dir
                + " on " + where + " (" + url + ")"
                + run.backup().map(b -> "; the previous files are in " + b.path() + ".").orElse(".");
    }

    @Override
    public String rolledBack(String why, RunContext run) {
        return "The re-install of " + product + " " + to + " in " + dir + " failed (" + why
                + ") and was undone: the previous compose file and .env are back and running"
                + (from == null ? "." : " (" + from + ").");
    }

    @Override
    public String rollbackFailed(String why, String recoveryWhy, RunContext run) {
        return "The re-install of " + product + " " + to + " in " + dir + " failed (" + why
                + ") and restoring the previous files failed too (" + recoveryWhy + "). They are in "
                + run.backup().map(b -> b.path()).orElse(dir + "/backups") + "; check 'docker compose ps' and the logs in "
                + dir + ".";
    }

    @Override
    public String failedWithoutRecovery(String why, RunContext run) {
        return "The install of " + product + " " + to + " into " + dir + " failed (" + why + ")."
                + " Nothing was there before, so nothing was rolled back: the compose file and .env (with its"
                + " generated secrets) are kept, so after fixing the cause 'slipway install --dir " + dir
                + (hostOption == null ? "" : " " + hostOption) + " --profile …' completes it; 'docker compose down' in " + dir + " stops it meanwhile.";
    }
}
