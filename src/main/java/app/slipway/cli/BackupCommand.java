package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupDownload;
import app.slipway.core.backup.BackupText;
import app.slipway.core.backup.DrillResult;
import app.slipway.core.backup.RestoreDrill;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.state.StackLock;
import app.slipway.core.host.Target;
import app.slipway.core.ondemand.BackupOptions;
import app.slipway.core.ondemand.BackupPlan;
import app.slipway.core.ondemand.BackupPlanner;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.Journal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway backup}: the backup an upgrade takes, now, with the stack's lock and a line in its
 * history; then the old backups beyond the newest N go. With {@code --download ID --to DIR} it copies
 * a backup to this computer instead, every file checked against the manifest's sha256.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up the stack now, as an upgrade does before its first change: .env, the compose file, "
                + "the running images' digests, the database dump (checked with pg_restore -l), volumes and "
                + "directories, into DIR/backups/<UTC time>-<version>-manual/ with a manifest of every file's sha256; "
                + "then keeps the newest N backups. With --download ID --to LOCALDIR: copies backup ID to this computer, "
                + "each file checked against the manifest as it arrives.")
public final class BackupCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Mixin KeepOptions keep;
    @Option(names = "--break-lock", description = "Take the stack's lock even though another run holds it (when that run is gone).")
    boolean breakLock;
    @Option(names = "--download", paramLabel = "ID",
            description = "Copy backup ID (see 'slipway backups') from the target to this computer, instead of taking one.")
    String download;
    @Option(names = "--verify", paramLabel = "ID",
            description = "Restore drill of backup ID: its dump restored into a throwaway PostgreSQL container on the "
                    + "target, every table's rows counted against the counts taken with the dump, the container removed; "
                    + "the result goes into the backup's manifest. Exit 0 passed, 3 failed.")
    String verify;
    @Option(names = "--to", paramLabel = "LOCALDIR",
            description = "With --download: the folder on this computer the backup goes into (as LOCALDIR/ID).")
    Path to;
    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (download != null && verify != null) throw SlipwayException.badInput("--download and --verify are two runs: give one.");
        if (download != null) return download();
        if (verify != null) return verify();
        if (to != null) throw SlipwayException.badInput("--to goes with --download ID: the folder a downloaded backup goes into.");
        var options = new BackupOptions(keep.keep(), breakLock);
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            BackupPlan planned = BackupPlanner.plan(connection, state, options,
                    Journal.find(connection.target(), state.files().directory()));
            var output = RunOutput.of(spec, json);
            RunResult result = new Runner(connection.target(), planned.plan(), output.listener(planned.plan())).run();
            List<Backup> removed = planned.removals().done();
            var more = new LinkedHashMap<String, Object>();
            more.put("removed", removed.stream().map(Backup::id).toList());
            more.put("freedBytes", planned.removals().freedBytes());
            return output.finish(result, more);
        }
    }

    /**
     * A restore drill under the stack's lock (retention must not remove the backup mid-drill); its
     * commands on stderr with --json, else on stdout, and the verdict last.
     */
    private int verify() {
        if (to != null || keep.given()) throw SlipwayException.badInput("--to and --keep do not go with --verify ID.");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        RunListener listener = event -> {
            if (event instanceof RunEvent.LogLine line) progress.println("  " + line.line());
            else if (event instanceof RunEvent.Notice notice) progress.println(notice.message());
            progress.flush();
        };
        try (Connection connection = target.connect()) {
            StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
            String dir = state.files().directory();
            DrillResult result;
            try (var lock = StackLock.acquire(connection.target(), dir,
                    app.slipway.core.state.LockOwner.current("backup --verify " + verify), breakLock)) {
                result = new RestoreDrill().run(connection, state, verify, listener);
            }
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("backup", result.backupId());
                root.put("result", result.word());
                root.put("at", result.at().toString());
                root.put("durationMs", result.took().toMillis());
                root.put("image", result.image());
                root.put("tablesCompared", result.tablesCompared());
                root.put("rowsRestored", result.rowsRestored());
                root.put("mismatches", result.mismatches().stream().map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("table", m.table());
                    row.put("atDump", m.atDump().orElse(null));
                    row.put("restored", m.restored().orElse(null));
                    return row;
                }).toList());
                root.put("summary", result.summary());
                out.println(Json.write(root));
                out.flush();
            } else {
                result.mismatches().forEach(m -> out.println("  " + m.describe()));
                LastSentence.print(out, spec.commandLine().getErr(), result.passed(), result.summary());
            }
            return result.passed() ? 0 : app.slipway.core.ExitCode.REFUSED.code;
        }
    }

    /** A copy on this computer: only the target's files are needed, not its engine. */
    private int download() {
        if (to == null) throw SlipwayException.badInput("--download needs --to LOCALDIR: the folder on this computer it goes into.");
        if (keep.given() || breakLock) {
            throw SlipwayException.badInput("--keep and --break-lock belong to taking a backup, not to --download.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        try (Target t = target.openTarget()) {
            BackupDownload.Arrived arrived = new BackupDownload().download(t, stack.directory, download, to, line -> {
                progress.println(line);
                progress.flush();
            });
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("backup", arrived.backup().id());
                root.put("from", t.describe());
                root.put("directory", arrived.folder().toString());
                root.put("files", arrived.backup().manifest().files().size());
                root.put("bytes", arrived.bytes());
                root.put("verified", true);
                out.println(Json.write(root));
            } else {
                out.println("Backup " + arrived.backup().id() + " is in " + arrived.folder() + " ("
                        + arrived.backup().manifest().files().size() + " files, " + BackupText.size(arrived.bytes())
                        + "), every file matching the sha256 in its manifest.");
            }
            out.flush();
            return 0;
        }
    }
}
