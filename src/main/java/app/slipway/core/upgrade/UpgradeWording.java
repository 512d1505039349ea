package app.slipway.core.upgrade;

import app.slipway.core.run.RunContext;
import app.slipway.core.run.Wording;

/** What an upgrade tells the user at its end: the version serving, the backup, the command that goes on. */
record UpgradeWording(String product, String dir, String from, String to, String hostOption) implements Wording {
    @Override
    public String done(RunContext run) {
        return product + " " + to + " is running and healthy in " + dir
                + run.backup().map(b -> "; the backup is in " + b.path() + ".").orElse(".");
    }

    @Override
    public String rolledBack(String why, RunContext run) {
        return "The upgrade to " + to + " failed (" + why + ") and was rolled back: " + from + " is serving again."
                + run.backup().map(b -> dataNotRestored(b.manifest(), b.id())).orElse(" The database was not restored.");
    }

    /** What the automatic rollback left as it was, by what the backup holds: never data, only files and images. */
    private String dataNotRestored(app.slipway.core.backup.BackupManifest m, String id) {
        String restore = " run 'slipway rollback --dir " + dir + host() + " --backup " + id + " --restore-database'.";
        if (m.database().isPresent()) return " The database was not restored; if " + to + " migrated it," + restore;
        if (!m.volumes().isEmpty() || !m.directories().isEmpty()) {
            return " Its data (volumes) was not restored; if " + to + " changed it," + restore;
        }
        return "";
    }

    @Override
    public String rollbackFailed(String why, String recoveryWhy, RunContext run) {
        return "The upgrade to " + to + " failed (" + why + ") and the rollback to " + from + " failed too ("
                + recoveryWhy + "). The journal in " + dir + "/.slipway/journal.json records how far it got; check"
                + " 'docker compose ps' and the logs, then run 'slipway rollback --dir " + dir + host()
                + run.backupId().map(id -> " --backup " + id).orElse("") + "'.";
    }

    @Override
    public String failedWithoutRecovery(String why, RunContext run) {
        return rollbackFailed(why, "no way back was planned", run);
    }

    private String host() {
        return hostOption == null ? "" : " " + hostOption;
    }
}
