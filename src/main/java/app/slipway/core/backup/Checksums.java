package app.slipway.core.backup;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes and sha256 of the files of a backup folder, computed on the target with one
 * {@code sha256sum} run: a dump of several gigabytes never travels over SSH to be hashed.
 */
final class Checksums {
    private Checksums() {}

    /** name → lowercase hex sha256 of the files that could be read; a missing file is absent from the map. */
    static Map<String, String> sha256(Target target, String folder, List<String> names) {
        Map<String, String> sums = new LinkedHashMap<>();
        if (names.isEmpty()) return sums;
        var argv = new ArrayList<>(List.of("sha256sum", "--"));
        argv.addAll(names);
        ExecResult result = target.exec(Command.in(folder, argv));
        for (String line : result.stdout().split("\n")) {
            // "<64 hex>  name" (text mode) or "<64 hex> *name" (binary mode)
            if (line.length() > 66 && line.substring(0, 64).matches("[0-9a-f]{64}")) {
                sums.put(line.substring(66), line.substring(0, 64));
            }
        }
        if (sums.isEmpty() && result.exitCode() == 127) {
            throw SlipwayException.refused("sha256sum is not available on " + target.describe()
                    + ": install coreutils there to make or check backups.");
        }
        return sums;
    }

    /** The manifest's file list: size and sha256 of every named file; each must exist. */
    static List<BackupFile> describe(Target target, String folder, List<String> names) {
        Map<String, String> sums = sha256(target, folder, names);
        List<BackupFile> files = new ArrayList<>();
        for (String name : names) {
            String sum = sums.get(name);
            FileInfo info = target.stat(folder + "/" + name).orElse(null);
            if (sum == null || info == null) {
                throw SlipwayException.refused("Cannot checksum " + folder + "/" + name + " on "
                        + target.describe() + ": the backup is incomplete; check the disk and run again.");
            }
            files.add(new BackupFile(name, info.size(), sum));
        }
        return files;
    }
}
