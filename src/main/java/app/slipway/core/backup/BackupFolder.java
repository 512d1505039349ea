package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;

/**
 * Claims a new folder under {@code DIR/backups}: {@code mkdir} without {@code -p} either creates it or
 * fails, so two runs in the same second never share one. Mode 0700: it holds {@code .env} and the
 * database.
 */
final class BackupFolder {
    private static final int ATTEMPTS = 100;

    private BackupFolder() {}

    /** The name claimed: {@code id}, else {@code id-2}, {@code id-3}… */
    static String claim(Target target, String backupsDir, String id) {
        target.mkdirs(backupsDir);
        for (int n = 1; n <= ATTEMPTS; n++) {
            String name = BackupNames.candidate(id, n);
            String path = backupsDir + "/" + name;
            ExecResult made = target.exec(Command.of("mkdir", "-m", "700", "--", path));
            if (made.ok()) return name;
            if (target.stat(path).isEmpty()) {
                throw SlipwayException.refused("Cannot create the backup folder " + path + " on " + target.describe()
                        + " (" + made.stderr().strip() + "): check the permissions of " + backupsDir + ".");
            }
        }
        throw SlipwayException.refused("Cannot find a free backup folder name for " + id + " in " + backupsDir
                + ": remove old backups there and run again.");
    }

    /** Removes a folder this run claimed and could not complete; a backup without a manifest is no backup. */
    static void discard(Target target, String path) {
        try {
            target.exec(Command.of("rm", "-rf", "--", path));
        } catch (RuntimeException e) {
            // Best effort: the failure that brought us here is the one to report, and a folder
            // without a manifest is ignored by the catalog anyway.
        }
    }
}
