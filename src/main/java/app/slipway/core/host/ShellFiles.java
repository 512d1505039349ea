package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server's files through exec channels and POSIX tools, for a server whose sshd has no SFTP
 * subsystem (README "SSH"): {@code stat}, {@code cat}, {@code mkdir}, {@code ls}, and a write that
 * goes to a private temporary file beside the target, then {@code mv} over it — atomic as with SFTP,
 * the content on stdin, never on a command line.
 */
final class ShellFiles {
    /** Runs a command with these bytes on its stdin. */
    @FunctionalInterface
    interface Shell {
        ExecResult run(Command command, byte[] stdin);
    }

    private final Shell shell;
    private final String where;

    ShellFiles(Shell shell, String where) {
        this.shell = shell;
        this.where = where;
    }

    String home() {
        ExecResult r = shell.run(Command.of("sh", "-c", "printf %s \"$HOME\""), new byte[0]);
        if (!r.ok() || r.stdout().isBlank()) throw failed("find the home directory", "~", r);
        return r.stdout();
    }

    Optional<FileInfo> stat(String path) {
        ExecResult r = shell.run(Command.of("stat", "-L", "-c", "%F|%a|%s", "--", path), new byte[0]);
        if (!r.ok()) {
            // as with SFTP: nothing there, also when a parent is a file
            if (r.stderr().contains("No such file") || r.stderr().contains("Not a directory")) return Optional.empty();
            throw failed("look at", path, r);
        }
        String[] f = r.stdout().strip().split("\\|");
        return Optional.of(new FileInfo(f[0].equals("directory"), Integer.parseInt(f[1], 8), Long.parseLong(f[2])));
    }

    /** Through base64: an exec channel's output is read as text, and a file may be any bytes. */
    byte[] read(String path) {
        ExecResult r = shell.run(Command.of("sh", "-c", "[ -d \"$1\" ] && { echo \"$1: Is a directory\" >&2; exit 1; }; "
                + "base64 < \"$1\"", "sh", path), new byte[0]);
        if (!r.ok()) throw failed("read", path, r);
        return Base64.getMimeDecoder().decode(r.stdout());
    }

    /** MiB per exec channel when a file streams: a chunk is held in memory once, as base64 text. */
    static final int CHUNK_MIB = 16;

    /** As {@link #read}, one chunk per command ({@code dd skip=}), so a file of any size streams. */
    void readInto(String path, java.io.OutputStream out) throws java.io.IOException {
        readInto(path, out, CHUNK_MIB);
    }

    void readInto(String path, java.io.OutputStream out, int chunkMib) throws java.io.IOException {
        String script = "[ -d \"$1\" ] && { echo \"$1: Is a directory\" >&2; exit 1; }; "
                + "[ -e \"$1\" ] || { echo \"$1: No such file or directory\" >&2; exit 1; }; "
                + "[ -r \"$1\" ] || { echo \"$1: Permission denied\" >&2; exit 1; }; "
                + "dd if=\"$1\" bs=1048576 skip=\"$2\" count=\"$3\" 2>/dev/null | base64";
        for (long chunk = 0; ; chunk++) {
            ExecResult r = shell.run(Command.of("sh", "-c", script, "sh", path, String.valueOf(chunk * chunkMib),
                    String.valueOf(chunkMib)), new byte[0]);
            if (!r.ok()) throw failed("read", path, r);
            byte[] bytes = Base64.getMimeDecoder().decode(r.stdout());
            out.write(bytes);
            if (bytes.length < chunkMib * 1048576L) return;
        }
    }

    /** @param mode the new file's mode, or null to keep the old file's (0644 for a new one) */
    void writeAtomically(String path, String tmp, byte[] content, Integer mode) {
        // the temporary file is private from its first byte (.env holds secrets); the old file's mode and owner carry over
        String script = "if [ -d \"$2\" ]; then echo 'it is a directory' >&2; exit 1; fi; umask 077 && cat > \"$1\" && "
                + (mode != null ? "chmod " + Integer.toOctalString(mode) + " \"$1\"" : "{ if [ -e \"$2\" ]; then chmod --reference=\"$2\" \"$1\"; else chmod 644 \"$1\"; fi; }")
                + " && { chown --reference=\"$2\" \"$1\" 2>/dev/null || true; } && mv -f \"$1\" \"$2\" || { rm -f \"$1\"; exit 1; }";
        ExecResult r = shell.run(Command.of("sh", "-c", script, "sh", tmp, path), content);
        if (!r.ok()) throw failed("write", path, r);
    }

    void mkdirs(String path) {
        ExecResult r = shell.run(Command.of("mkdir", "-p", "--", path), new byte[0]);
        if (!r.ok()) throw failed("create the directory", path, r);
    }

    /** True when this call made it; false when something was there already. */
    boolean createDirectory(String path) {
        ExecResult r = shell.run(Command.of("mkdir", "--", path), new byte[0]);
        if (r.ok()) return true;
        if (r.stderr().contains("File exists")) return false;
        throw failed("create the directory", path, r);
    }

    List<String> list(String directory) {
        ExecResult r = shell.run(Command.of("sh", "-c", "[ -d \"$1\" ] || { [ -e \"$1\" ] && echo \"$1: Not a directory\" >&2; "
                + "[ -e \"$1\" ] || echo \"$1: No such file or directory\" >&2; exit 1; }; ls -A1 -- \"$1\"", "sh", directory), new byte[0]);
        if (!r.ok()) throw failed("list", directory, r);
        var names = new ArrayList<String>(r.stdout().lines().filter(l -> !l.isEmpty()).toList());
        names.sort(null);
        return names;
    }

    /** The tool's reason as SFTP's would read: "cat: /x: No such file or directory" gives "no such file or directory". */
    private SlipwayException failed(String verb, String path, ExecResult r) {
        String last = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        String why = last.isEmpty() ? "exit code " + r.exitCode()
                : last.substring(last.lastIndexOf(": ") + 1).strip().toLowerCase(java.util.Locale.ROOT);
        return SlipwayException.refused("Cannot " + verb + " " + path + " on " + where + ": " + why + ".");
    }
}
