package app.slipway.core.run;

import app.slipway.core.ExitCode;
import java.time.Duration;
import java.util.List;

/**
 * How an upgrade or rollback ended: the exit code of SPEC §3, one message for the user, the
 * backup it took, the steps with their durations, and the log lines of the services that failed.
 */
public record UpgradeResult(String from, String to, ExitCode exitCode, String message, String backupId,
                            List<StepOutcome> steps, java.util.Map<String, List<String>> failedLogs,
                            Duration took) {

    public String result() {
        return switch (exitCode) {
            case DONE -> "done";
            case ROLLED_BACK -> "rolled-back";
            case ROLLBACK_FAILED -> "rollback-failed";
            case REFUSED -> "refused";
            case BAD_INPUT -> "bad-input";
            case INTERNAL -> "internal-error";
        };
    }
}
