package app.slipway.core.state;

import app.slipway.core.host.ShellQuote;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What {@code DIR/.slipway/journal.json} says about a run in progress (or one that was
 * interrupted): which command, from and to which version, the backup it made, who started it and
 * when, and the last step it reached ({@code null} before the first).
 *
 * @param command  the CLI verb: {@code upgrade}, {@code rollback}, {@code install}, …
 * @param backupId null until the backup exists (or when it was skipped)
 * @param user     {@code user@host} of whoever ran it
 * @param lastStep a step kind such as {@code pin}; null while no step has been reached
 */
public record JournalEntry(String id, String command, String from, String to, String backupId, String startedAt,
                           String user, String lastStep, String lastStepAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A new entry for a run starting now, by this JVM's user on this machine, with a fresh id. */
    public static JournalEntry start(String command, String from, String to, String backupId) {
        LockOwner me = LockOwner.current(command);
        return new JournalEntry(newId(), command, from, to, backupId, me.startedAt(), me.who(), null, null);
    }

    static String newId() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return ID_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "-" + HexFormat.of().formatHex(b);
    }

    public JournalEntry withStep(String step, String at) {
        return new JournalEntry(id, command, from, to, backupId, startedAt, user, step, at);
    }

    public JournalEntry withBackupId(String newBackupId) {
        return new JournalEntry(id, command, from, to, newBackupId, startedAt, user, lastStep, lastStepAt);
    }

    /** {@link #describe(String, String)} for a local stack (no {@code --host} in the commands). */
    public String describe(String dir) {
        return describe(dir, null);
    }

    /**
     * One sentence for the CLI and the wizard: what was interrupted and the commands that go on
     * from there, e.g. "An upgrade from 1.0.0 to 2.0.0 started 2026-11-25 12:03 UTC by root@laptop
     * was interrupted after step 'pin'; run 'slipway rollback --dir DIR' to return to 1.0.0, or
     * 'slipway upgrade --dir DIR --to 2.0.0 --resume' to finish it."
     *
     * @param hostOption the target part of a command line, e.g. {@code --host ssh://root@srv:22}; null or
     *                   empty for the local engine
     */
    public String describe(String dir, String hostOption) {
        String host = hostOption == null || hostOption.isBlank() ? "" : " " + hostOption.strip();
        String d = " --dir " + ShellQuote.quote(dir);
        String verb = command == null || command.isBlank() ? "run" : command;
        String when = " started " + StateFiles.display(startedAt) + (user == null || user.isBlank() ? "" : " by " + user);
        String where = lastStep == null || lastStep.isBlank()
                ? " was interrupted before its first step"
                : " was interrupted after step '" + lastStep + "'";
        String rollback = "'slipway rollback" + host + d + "'";
        return switch (verb) {
            case "upgrade" -> "An upgrade" + fromTo() + when + where + "; run " + rollback + " to return to "
                    + (present(from) ? from : "the previous version") + ", or 'slipway upgrade" + host + d
                    + (present(to) ? " --to " + ShellQuote.quote(to) : "") + " --resume' to finish it.";
            case "rollback" -> "A rollback" + fromTo() + when + where + "; run " + rollback + " again to finish it.";
            case "install" -> "An install" + (present(to) ? " of " + to : "") + when + where
                    + "; run the same 'slipway install' command again to finish it.";
            default -> "A '" + verb + "' run" + fromTo() + when + where + "; run it again to finish it.";
        };
    }

    private String fromTo() {
        if (present(from) && present(to)) return " from " + from + " to " + to;
        if (present(to)) return " to " + to;
        if (present(from)) return " from " + from;
        return "";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
