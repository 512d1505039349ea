package app.slipway.core.state;

/**
 * One line of {@code DIR/.slipway/history.jsonl}: the outcome of one run.
 *
 * @param who        {@code user@host}
 * @param when       when the run started, ISO-8601 UTC
 * @param command    the CLI verb ({@code upgrade}, {@code rollback}, {@code install}, …)
 * @param result     e.g. {@link #SUCCEEDED}, {@link #ROLLED_BACK}, {@link #FAILED}
 * @param backupId   the backup the run made; null when none
 * @param message    the one sentence the run ended with (never a secret)
 */
public record HistoryEntry(String who, String when, String command, String from, String to, String result,
                           String backupId, long durationMs, String message) {
    public static final String SUCCEEDED = "succeeded";
    /** Failed and rolled back automatically (exit 4). */
    public static final String ROLLED_BACK = "rolled-back";
    /** Failed, and the rollback failed too (exit 5). */
    public static final String FAILED = "failed";
}
