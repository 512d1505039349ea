package app.slipway.gui.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.ExitCode;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.RunKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Result page says for every way a run can end, and when it offers Rollback. */
class OutcomeTest {

    @ParameterizedTest(name = "{0} {1} cancelled={2} backup={3}")
    @CsvSource(delimiter = '|', textBlock = """
            UPGRADE  | DONE            | false | true  | Upgraded to 2.0.0 and healthy                | SUCCESS | true
            UPGRADE  | DONE            | false | false | Upgraded to 2.0.0 and healthy                | SUCCESS | false
            INSTALL  | DONE            | false | false | Installed Fixture 2.0.0, running and healthy | SUCCESS | false
            ROLLBACK | DONE            | false | true  | Rolled back to 2.0.0 and healthy             | SUCCESS | false
            UPGRADE  | ROLLED_BACK     | false | true  | The upgrade failed and was rolled back       | WARNING | false
            INSTALL  | ROLLED_BACK     | false | true  | The re-install failed and was undone         | WARNING | false
            UPGRADE  | ROLLBACK_FAILED | false | true  | Rollback failed: the stack needs you         | DANGER  | true
            ROLLBACK | ROLLBACK_FAILED | false | true  | Rollback failed: the stack needs you         | DANGER  | true
            INSTALL  | ROLLBACK_FAILED | false | false | The install failed: the stack needs you      | DANGER  | false
            UPGRADE  | REFUSED         | false | false | Refused before any change                    | WARNING | false
            UPGRADE  | REFUSED         | true  | false | Cancelled before any change                  | WARNING | false
            UPGRADE  | BAD_INPUT       | false | false | Stopped before any change                    | WARNING | false
            ROLLBACK | BAD_INPUT       | false | false | Stopped before any change                    | WARNING | false
            UPGRADE  | INTERNAL        | false | false | Something went wrong inside Slipway          | DANGER  | false
            """)
    void wordsToneAndRollbackOffer(RunKind kind, ExitCode code, boolean cancelled, boolean backup, String headline,
                                   Tone tone, boolean rollbackOffered) {
        var result = new RunResult(kind, "1.0.0", "2.0.0", code, "message", backup ? "20250101T000000Z-1.0.0-to-2.0.0" : null,
                java.util.Optional.empty(), List.of(), Map.of(), Duration.ofSeconds(1));

        assertEquals(new Outcome(headline, tone, rollbackOffered), Outcome.of(kind, result, cancelled, "Fixture"));
    }
}
