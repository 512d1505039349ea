package app.slipway.core.notify;

import app.slipway.core.check.CheckResult;
import app.slipway.core.run.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a notification says (README §Notifications): a check that found an allowed update, or how a
 * run ended. Only names, versions, the breaking flag, the outcome, the backup's id and the notes'
 * link — never a value from {@code .env}, a token or a password.
 *
 * @param event {@code check}, or the run's kind ({@code upgrade}, {@code rollback}, …)
 * @param outcome {@code update-available}, or the run's result ({@code done}, {@code rolled-back}, …)
 * @param target where the stack is ({@code local}, {@code ssh://deploy@host:22})
 * @param from the version the stack was on
 * @param to the version offered, or the one the run went to
 * @param breaking whether breaking changes lie between them; empty when unknown (no release notes)
 * @param backupId the backup the run took
 * @param message the run's last sentence (secrets already masked by the runner)
 */
public record Notification(String event, String outcome, String product, String target, String directory,
                           Optional<String> from, Optional<String> to, Optional<Boolean> breaking,
                           Optional<String> backupId, Optional<String> notesUrl, Optional<String> message) {

    public static final String CHECK = "check";
    public static final String UPDATE_AVAILABLE = "update-available";

    /** A check's finding: a newer release the policy allows. */
    public static Notification updateAvailable(CheckResult check, String target, String directory) {
        return new Notification(CHECK, UPDATE_AVAILABLE, check.product(), target, directory, Optional.of(check.current()),
                check.newestAllowed().map(r -> r.version().text()), check.breakingBetween(), Optional.empty(),
                check.notesUrl(), Optional.empty());
    }

    /** How a run ended; {@code breaking} and {@code notesUrl} as its check found them, when one came first. */
    public static Notification ofRun(RunResult run, String product, String target, String directory,
                                     Optional<Boolean> breaking, Optional<String> notesUrl) {
        return new Notification(run.kind().word, run.result(), product, target, directory, Optional.ofNullable(run.from()),
                Optional.ofNullable(run.to()), breaking, Optional.ofNullable(run.backupId()), notesUrl,
                Optional.ofNullable(run.message()));
    }

    public boolean isFailure() {
        return !event.equals(CHECK) && !outcome.equals("done");
    }

    /** One line: "Fixture 2.1.0 is available (on 2.0.0), with breaking changes". */
    public String title() {
        String title;
        if (event.equals(CHECK)) {
            title = product + " " + to.orElse("?") + " is available (on " + from.orElse("?") + ")"
                    + (breaking.orElse(false) ? ", with breaking changes" : "");
        } else {
            title = product + " " + event + (from.isPresent() ? " from " + from.get() : "") + (to.isPresent() ? " to " + to.get() : "")
                    + ": " + outcome.replace('-', ' ');
        }
        return oneLine(title);
    }

    /** The body as plain text lines. */
    public String text() {
        var sb = new StringBuilder();
        line(sb, "Product", product);
        line(sb, "Stack", directory + " on " + target);
        if (event.equals(CHECK)) {
            line(sb, "Current", from.orElse(null));
            line(sb, "Available", to.orElse(null));
        } else {
            line(sb, "Run", event);
            line(sb, "Outcome", outcome);
            line(sb, "From", from.orElse(null));
            line(sb, "To", to.orElse(null));
            line(sb, "Backup", backupId.orElse(null));
        }
        line(sb, "Breaking", breaking.map(b -> b ? "yes: read the notes before upgrading" : "none noted")
                .orElse("unknown (no release notes)"));
        line(sb, "Notes", notesUrl.orElse(null));
        message.ifPresent(m -> sb.append('\n').append(m).append('\n'));
        return sb.toString().stripTrailing();
    }

    /** The fields for JSON receivers (the webhook's body). */
    public Map<String, Object> asJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("event", event);
        json.put("outcome", outcome);
        json.put("product", product);
        json.put("target", target);
        json.put("directory", directory);
        json.put("from", from.orElse(null));
        json.put("to", to.orElse(null));
        json.put("breaking", breaking.orElse(null));
        json.put("backup", backupId.orElse(null));
        json.put("notesUrl", notesUrl.orElse(null));
        json.put("message", message.orElse(null));
        json.put("title", title());
        return json;
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null) sb.append(String.format("%-10s %s%n", label, oneLine(value)));
    }

    /** Names and versions come from files: no line break may reach a header or a subject. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
