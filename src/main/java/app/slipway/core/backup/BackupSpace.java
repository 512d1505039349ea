package app.slipway.core.backup;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.BackupSpec;
import app.slipway.core.profile.PostgresDump;
import app.slipway.core.profile.VolumeArchive;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Preflight (README §How an upgrade works step 3): is there room for the backup? Estimates its size from what the profile
 * backs up — the database's size as PostgreSQL reports it (a custom-format dump is smaller), each
 * volume path's and directory's {@code du} — and compares it, plus headroom, with what {@code df}
 * says is free where the backups go. Changes nothing; a part that cannot be measured is refused here,
 * since the backup itself would fail on it later, after the lock is taken. A backup must also leave
 * {@link #floorKb the floor} free: a full disk would stop the product itself.
 */
public final class BackupSpace {
    /** Space for the small files, and for the estimate being an estimate. */
    static final long FIXED_HEADROOM_KB = 16 * 1024;
    /** What a backup leaves free at least: 1 GiB, or 5 % of a file system smaller than 20 GiB. */
    public static final long FLOOR_KB = 1024 * 1024;

    /**
     * What the backup is expected to take and what is free, in KiB, in {@code directory}; {@code sizeKb} is
     * the size of the file system it is on.
     */
    public record Estimate(String directory, long neededKb, long freeKb, long sizeKb) {}

    /** Refuses (exit 3) with a sentence when the estimated backup does not fit above the floor. */
    public void ensureRoom(Connection connection, StackState stack) {
        Estimate e = estimate(connection, stack);
        Optional<String> shortage = shortage(e.directory(), e.neededKb(), e.freeKb(), floorKb(e.sizeKb()));
        if (shortage.isPresent()) throw SlipwayException.refused(shortage.get());
    }

    /** {@link #FLOOR_KB}, or 5 % of a smaller file system (a 10 GB server keeps 512 MB free). */
    public static long floorKb(long fileSystemKb) {
        return Math.max(0, Math.min(FLOOR_KB, fileSystemKb / 20));
    }

    public Estimate estimate(Connection connection, StackState stack) {
        BackupSpec spec = stack.backupSpec();
        Target target = connection.target();
        String dir = stack.files().directory();
        long neededKb = 0;
        // An external database's size is not the stack's to measure: its dump is counted when it is written.
        if (spec.postgres().isPresent() && !spec.postgres().get().isExternal()) {
            neededKb += databaseKb(connection, stack, spec.postgres().get());
        }
        for (VolumeArchive v : spec.volumes()) neededKb += volumeKb(connection, stack, v);
        for (String d : spec.directories()) neededKb += directoryKb(target, dir + "/" + d);
        String backups = dir + "/backups";
        String where = target.stat(backups).map(FileInfo::directory).orElse(false) ? backups : dir;
        long[] disk = disk(target, where);
        return new Estimate(dir, neededKb, disk[1], disk[0]);
    }

    /**
     * The refusal sentence when {@code freeKb} cannot hold {@code neededKb} plus 10% and 16 MB, else empty.
     * The decision alone, apart from the probing, so it can be tested without filling a disk.
     */
    public static Optional<String> shortage(String directory, long neededKb, long freeKb) {
        return shortage(directory, neededKb, freeKb, 0);
    }

    /** As above, and the sentence when the backup would leave less than {@code floorKb} free. */
    public static Optional<String> shortage(String directory, long neededKb, long freeKb, long floorKb) {
        long requiredKb = neededKb + (neededKb + 9) / 10 + FIXED_HEADROOM_KB;
        if (freeKb < requiredKb) {
            return Optional.of(String.format(Locale.ROOT, "Not enough space for the backup in %s: it needs about %d MB"
                            + " and %d MB are free; free some space or run with --skip-backup.",
                    directory, (requiredKb + 1023) / 1024, Math.max(0, freeKb) / 1024));
        }
        if (freeKb - requiredKb >= floorKb) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "The backup would leave less than %d MB free in %s (it needs"
                        + " about %d MB and %d MB are free); free some space or run with --skip-backup.",
                floorKb / 1024, directory, (requiredKb + 1023) / 1024, freeKb / 1024));
    }

    private static long databaseKb(Connection connection, StackState stack, PostgresDump pg) {
        Map<String, String> env = stack.files().env().values();
        String database = pg.database(env);
        SecretRedactor redactor = SecretRedactor.forStack(stack);
        if (!InService.isRunning(connection, stack, pg.service())) {
            throw SlipwayException.refused("The database service '" + pg.service() + "' is not running, so database "
                    + database + " cannot be backed up: start the stack and run again, or run with --skip-backup.");
        }
        ExecResult r = connection.target().exec(stack.compose().execT(pg.service(), List.of("psql", "-U", pg.user(env),
                "-d", database, "-Atc", "select pg_database_size(current_database())")));
        Optional<Long> bytes = r.ok() ? firstNumber(r.stdout()) : Optional.empty();
        if (bytes.isEmpty()) {
            throw SlipwayException.refused("Cannot measure database " + database + " in service '" + pg.service() + "' ("
                    + redactor.redact(lastLine(r)) + "): check backup.postgres in the profile, or run with --skip-backup.");
        }
        return (bytes.get() + 1023) / 1024;
    }

    /**
     * {@code du -sk} inside the container; images without a {@code du} (busybox-only ones) fall back to
     * {@code busybox du}, then to counting the bytes of the archive itself.
     */
    static final String DU_KB = "if command -v du >/dev/null 2>&1; then out=$(du -sk \"$1\") || exit 1; set -- $out; echo \"$1\";"
            + " elif command -v busybox >/dev/null 2>&1; then out=$(busybox du -sk \"$1\") || exit 1; set -- $out; echo \"$1\";"
            + " else [ -d \"$1\" ] || exit 1; n=$(tar -C \"$1\" -cf - . | wc -c) || exit 1; echo $(( (n + 1023) / 1024 )); fi";

    private static long volumeKb(Connection connection, StackState stack, VolumeArchive v) {
        boolean running = InService.isRunning(connection, stack, v.service());
        ExecResult r = connection.target().exec(InService.command(stack, v.service(), running, InService.shell(DU_KB, v.path())));
        Optional<Long> kb = r.ok() ? firstNumber(r.stdout()) : Optional.empty();
        Optional<String> container = ServiceContainers.of(connection, stack, v.service());
        if (kb.isEmpty() && container.isPresent()) {
            // An image without a shell or du: count the archive's bytes on the server, through the engine.
            r = connection.target().exec(Command.in(stack.files().directory(), List.of("sh", "-c",
                    "docker cp \"$1\" - | wc -c", "sh", container.get() + ":" + v.path() + "/.")));
            kb = r.ok() ? firstNumber(r.stdout()).map(bytes -> (bytes + 1023) / 1024) : Optional.empty();
        }
        if (kb.isEmpty()) {
            throw SlipwayException.refused("Cannot measure " + v.path() + " in service '" + v.service() + "' ("
                    + SecretRedactor.forStack(stack).redact(lastLine(r)) + "): check backup.volumes in the profile, or run with --skip-backup.");
        }
        return kb.get();
    }

    /** A listed directory that does not exist is skipped by the backup, so it needs nothing here. */
    private static long directoryKb(Target target, String path) {
        if (!target.stat(path).map(FileInfo::directory).orElse(false)) return 0;
        ExecResult r = target.exec(Command.of("du", "-sk", path));
        Optional<Long> kb = r.ok() ? firstNumber(r.stdout()) : Optional.empty();
        if (kb.isEmpty()) {
            throw SlipwayException.refused("Cannot measure the directory " + path + " (" + lastLine(r)
                    + "): check its permissions, or run with --skip-backup.");
        }
        return kb.get();
    }

    /**
     * {@code df -Pk}: POSIX output, one line per file system; the second column is its size, the fourth
     * what is available. Both in KiB, size first.
     */
    private static long[] disk(Target target, String path) {
        ExecResult r = target.exec(Command.of("df", "-Pk", path));
        List<String> lines = r.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (r.ok() && lines.size() >= 2) {
            String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
            if (fields.length >= 4 && fields[1].matches("\\d+") && fields[3].matches("\\d+")) {
                return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[3])};
            }
        }
        throw SlipwayException.refused("Cannot tell the free space in " + path + " on " + target.describe() + " ("
                + lastLine(r) + "): check that df works there, or run with --skip-backup.");
    }

    private static Optional<Long> firstNumber(String text) {
        String first = text.strip().split("\\s+")[0];
        return first.matches("\\d{1,18}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
    }

    private static String lastLine(ExecResult r) {
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        String[] lines = text.strip().split("\r?\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "exit status " + r.exitCode() : last;
    }
}
