package app.slipway.cli;

import app.slipway.core.backup.BackupSummary;
import app.slipway.core.backup.BackupText;
import app.slipway.core.backup.DrillResult;
import app.slipway.core.host.Target;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway backups}: the stack's backups, newest first, as their manifests describe them. Changes nothing. */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "Lists the stack's backups in DIR/backups, newest first: id, when, the version each brings back, "
                + "its size and parts, and its checks (the dump read back with pg_restore -l, the restore drill). "
                + "Changes nothing.")
public final class BackupsCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin InstallDirectory dir;
    @Option(names = "--json", description = "Print the backups as a JSON array.") boolean json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Target t = target.openTarget()) {
            String directory = dir.on(t);
            List<BackupSummary> backups = BackupSummary.list(t, directory);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(backups.stream().map(BackupsCommand::asJson).toList())
                    : render(directory, backups));
            out.flush();
            return 0;
        }
    }

    static String render(String directory, List<BackupSummary> backups) {
        if (backups.isEmpty()) return "No backups in " + directory + "/backups.";
        var sb = new StringBuilder();
        sb.append(backups.size()).append(backups.size() == 1 ? " backup" : " backups").append(" in ").append(directory)
                .append("/backups, newest first:\n");
        for (BackupSummary b : backups) {
            sb.append('\n').append(b.id()).append('\n');
            sb.append("   ").append(BackupText.when(b.createdAt())).append(", ").append(b.kind()).append(", brings back ")
                    .append(b.version()).append(", ").append(BackupText.size(b.sizeBytes())).append('\n');
            sb.append("   holds ").append(b.contents().words()).append('\n');
            sb.append("   dump check: ").append(b.dumpCheck().equals(BackupSummary.DUMP_PASSED)
                    ? "passed (pg_restore -l)" : b.dumpCheck()).append("; restore drill: ").append(drill(b)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String drill(BackupSummary b) {
        if (b.drill().isEmpty()) return BackupSummary.NOT_DRILLED;
        DrillResult d = b.drill().get();
        return d.word() + " on " + BackupText.when(d.at()) + (d.summary().isBlank() ? "" : " (" + d.summary() + ")");
    }

    /** One backup: keys stable across versions, absent parts null or empty. */
    static Map<String, Object> asJson(BackupSummary b) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", b.id());
        m.put("path", b.path());
        m.put("createdAt", b.createdAt().toString());
        m.put("kind", b.kind());
        m.put("version", b.version());
        m.put("product", b.product());
        m.put("sizeBytes", b.sizeBytes());
        var contains = new LinkedHashMap<String, Object>();
        contains.put("env", b.contents().env());
        contains.put("composeFile", b.contents().composeFile());
        contains.put("images", b.contents().images());
        contains.put("database", b.contents().database().orElse(null));
        contains.put("volumes", b.contents().volumes());
        contains.put("directories", b.contents().directories());
        m.put("contains", contains);
        m.put("dumpCheck", b.dumpCheck());
        var drill = new LinkedHashMap<String, Object>();
        drill.put("result", b.drillWord());
        drill.put("at", b.drill().map(d -> d.at().toString()).orElse(null));
        drill.put("summary", b.drill().map(DrillResult::summary).orElse(null));
        m.put("drill", drill);
        return m;
    }
}
