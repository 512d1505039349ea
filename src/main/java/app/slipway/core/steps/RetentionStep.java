package app.slipway.core.steps;

import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupText;
import app.slipway.core.backup.RetentionChoice;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import app.slipway.core.run.StepKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The Remove old backups step: the plan names every backup it removes and the space that frees, and
 * the run removes exactly those. A backup that cannot be removed is said and left; the backup just
 * taken stands either way, so it never fails the run.
 */
public final class RetentionStep {
    /** The backups the step has removed so far (for the run's last sentence and its JSON). */
    public static final class Removals {
        private final List<Backup> done = new ArrayList<>();

        synchronized void add(Backup b) {
            done.add(b);
        }

        public synchronized List<Backup> done() {
            return List.copyOf(done);
        }

        public synchronized long freedBytes() {
            return done.stream().mapToLong(b -> b.manifest().totalSize()).sum();
        }
    }

    private RetentionStep() {}

    public static Removals add(StepList steps, Target host, String dir, RetentionChoice choice) {
        var details = new ArrayList<String>();
        details.add("Keep the newest " + choice.keep() + " backup" + (choice.keep() == 1 ? "" : "s") + " in " + dir
                + "/backups, this run's included.");
        for (RetentionChoice.Spared s : choice.spared()) {
            details.add("Keep " + s.backup().id() + " although older: " + s.why() + ".");
        }
        if (choice.removed().isEmpty()) {
            details.add("Nothing to remove: " + (choice.kept().size() + choice.spared().size()) + " older backup"
                    + (choice.kept().size() + choice.spared().size() == 1 ? "" : "s") + " there.");
        }
        var commands = new ArrayList<Command>();
        for (Backup b : choice.removed()) {
            details.add("Remove " + b.id() + ": " + RetentionChoice.versionOf(b) + ", taken "
                    + BackupText.when(b.manifest().createdAt()) + ", " + BackupText.size(b.manifest().totalSize()) + ".");
            commands.add(remove(b));
        }
        if (!choice.removed().isEmpty()) details.add("Frees about " + BackupText.size(choice.freedBytes()) + ".");
        var removals = new Removals();
        steps.add(StepKind.RETENTION, details, commands, run -> {
            var logged = new LoggedCommands(host, SecretRedactor.NONE, run.listener(), "backup");
            for (Backup b : choice.removed()) {
                if (host.stat(b.path()).isEmpty()) continue; // gone already: nothing to free
                ExecResult r = logged.run(remove(b));
                if (r.ok() && host.stat(b.path()).isEmpty()) {
                    removals.add(b);
                } else {
                    run.listener().on(new RunEvent.Notice("Backup " + b.id() + " could not be removed ("
                            + logged.lastWords(r) + "); remove " + b.path() + " yourself to free its space."));
                }
            }
            logged.log(choice.removed().isEmpty() ? "Nothing to remove: the newest " + choice.keep() + " are kept"
                    : "Removed " + removals.done().size() + " old backup" + (removals.done().size() == 1 ? "" : "s")
                    + ", " + BackupText.size(removals.freedBytes()) + " freed");
        });
        return removals;
    }

    private static Command remove(Backup b) {
        return Command.of("rm", "-rf", "--", b.path());
    }
}
