package app.slipway.core.verify;

import static app.slipway.core.verify.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.compose.ComposeModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyBudgetTest {

    @Test
    void theProfileTimeoutWhenItIsLonger() {
        assertEquals(Duration.ofSeconds(180), VerifyBudget.of(Duration.ofSeconds(180), model("5s")));
    }

    @Test
    void neverShorterThanTheLongestStartPeriod() {
        Duration budget = VerifyBudget.of(Duration.ofSeconds(15), model("2m"));
        assertTrue(budget.compareTo(Duration.ofMinutes(2)) > 0, budget.toString());
        assertEquals(Duration.ofMinutes(2).plus(VerifyBudget.AFTER_START_PERIOD), budget);
    }

    @Test
    void noHealthchecksMeansTheProfileTimeout() {
        assertEquals(Duration.ofSeconds(3), VerifyBudget.of(Duration.ofSeconds(3), new ComposeModel(Map.of())));
    }
}
