package app.slipway.core.steps;

import app.slipway.core.host.Command;
import app.slipway.core.profile.BackupSpec;
import app.slipway.core.profile.ExternalDatabase;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.StepKind;
import app.slipway.core.stack.StackState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Back up step of README §How an upgrade works step 4 as a plan shows it: what goes into the folder,
 * the dump's command line. The upgrade's and {@code slipway backup}'s are the same step, with their own
 * folder name and their own call of the one backup writer.
 */
public final class BackupStep {
    /** The preflight's line for the space check ({@code BackupSpace}: the backup fits and leaves the floor free). */
    public static final String SPACE_CHECK = "Check free space for the backup: it must fit and leave at least 1 GB"
            + " free (5 % of a disk smaller than 20 GB).";

    private BackupStep() {}

    /**
     * @param folderSuffix what follows the timestamp in the folder's name: {@code 1.4.1-to-1.4.2}, {@code 1.4.1-manual}
     * @param action       writes the backup and hands it to the run ({@code run.backupTaken})
     */
    public static PlanStep add(StepList steps, StackState stack, String folderSuffix, StepAction action) {
        String dir = stack.files().directory();
        var details = new ArrayList<String>();
        var commands = new ArrayList<Command>();
        details.add("Into " + dir + "/backups/<UTC timestamp>-" + folderSuffix + "/:");
        details.add(".env, " + stack.files().composeFileName() + " and the digests of the running images.");
        Map<String, String> env = stack.files().env().values();
        BackupSpec spec = stack.backupSpec();
        spec.postgres().ifPresent(pg -> {
            if (pg.isExternal()) {
                ExternalDatabase db = pg.external().orElseThrow();
                details.add("pg_dump -Fc of database " + pg.database(env) + " on " + db.host(env) + ":" + db.port(env)
                        + " by a one-off " + db.clientImage(env) + " container (the password from .env, never on a"
                        + " command line), checked with pg_restore -l.");
            } else {
                details.add("pg_dump -Fc of database " + pg.database(env) + " (service " + pg.service()
                        + "), checked with pg_restore -l.");
                commands.add(stack.compose().execT(pg.service(),
                        List.of("pg_dump", "-U", pg.user(env), "-Fc", pg.database(env))));
            }
        });
        for (var volume : spec.volumes()) {
            details.add("An archive of " + volume.service() + ":" + volume.path()
                    + (volume.stopped() ? ", taken with " + volume.service() + " stopped for a moment." : "."));
        }
        for (String directory : spec.directories()) {
            details.add("A copy of " + dir + "/" + directory + ", taken with its services stopped.");
        }
        details.add("A manifest with the size and sha256 of every file.");
        return steps.add(StepKind.BACKUP, details, commands, action);
    }
}
