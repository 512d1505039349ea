package app.slipway.core.run;

import app.slipway.core.ExitCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended: the exit code of README §The CLI and one sentence for the user, the versions, where the
 * product answers, the backup it took, every step with its duration, and the last log lines of
 * the services that failed. Secrets are already masked.
 */
public record RunResult(RunKind kind, String from, String to, ExitCode exitCode, String message, String backupId,
                        Optional<String> url, List<StepOutcome> steps, Map<String, List<String>> failedLogs,
                        Duration took) {
    public RunResult {
        steps = List.copyOf(steps);
        failedLogs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failedLogs));
    }

    public boolean succeeded() {
        return exitCode == ExitCode.DONE;
    }

    /** The outcome as one word, for JSON and the history. */
    public String result() {
        return resultOf(exitCode);
    }

    /** The word for an outcome, for the JSON of a command that failed before any run. */
    public static String resultOf(ExitCode exitCode) {
        return switch (exitCode) {
            case DONE -> "done";
            case ROLLED_BACK -> "rolled-back";
            case ROLLBACK_FAILED -> "rollback-failed";
            case REFUSED -> "refused";
            case BAD_INPUT -> "bad-input";
            case INTERNAL -> "internal-error";
            case UPDATE_AVAILABLE -> "update-available"; // a check's answer; no run ends with it
        };
    }
}
