package app.slipway.core.run;

import app.slipway.core.verify.VerifyResult;

/** Verification found the stack unhealthy; carries the findings and logs to the rollback. */
final class UnhealthyStack extends RuntimeException {
    private final transient VerifyResult result;

    UnhealthyStack(VerifyResult result) {
        super(result.summary());
        this.result = result;
    }

    VerifyResult result() {
        return result;
    }
}
