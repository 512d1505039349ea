package app.slipway.cli;

import app.slipway.core.backup.RetentionChoice;
import picocli.CommandLine.Option;

/** {@code --keep N}, shared by the commands that take a backup (and {@code plan}, which shows what they remove). */
public final class KeepOptions {
    @Option(names = "--keep", paramLabel = "N",
            description = "Keep the newest N backups in DIR/backups, this run's included (default "
                    + RetentionChoice.DEFAULT_KEEP + "); older ones are removed, never the only backup of the"
                    + " version running.")
    Integer keep;

    /** N, checked (one at least); the default when not given. */
    int keep() {
        return keep == null ? RetentionChoice.DEFAULT_KEEP : RetentionChoice.requireValidKeep(keep);
    }

    boolean given() {
        return keep != null;
    }
}
