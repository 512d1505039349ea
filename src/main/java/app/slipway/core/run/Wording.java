package app.slipway.core.run;

/**
 * The sentences a plan ends with, one per outcome; the runner picks the outcome, the plan knows
 * what to tell the user (the version serving, the backup, the command that goes on).
 */
public interface Wording {
    String done(RunContext run);

    /** Exit 4: the failure was undone by the plan's recovery. */
    String rolledBack(String why, RunContext run);

    /** Exit 5: the failure and the recovery's own failure. */
    String rollbackFailed(String why, String recoveryWhy, RunContext run);

    /** Exit 5 for a plan with no way back: what failed and how to go on. */
    String failedWithoutRecovery(String why, RunContext run);

    /** A plan with no way back of its own (a rollback, a backup): every failure is told as that one. */
    interface WithoutRecovery extends Wording {
        @Override
        default String rolledBack(String why, RunContext run) {
            return failedWithoutRecovery(why, run);
        }

        @Override
        default String rollbackFailed(String why, String recoveryWhy, RunContext run) {
            return failedWithoutRecovery(why, run);
        }
    }
}
