package app.slipway.core.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetValuesTest {
    @Test
    void parsesKeyEqualsValueInOrderLaterWins() {
        var values = SetValues.parse(List.of("A=1", "B=x=y", "C=", "A=2"));
        assertEquals(List.of("B", "C", "A"), List.copyOf(values.keySet()));
        assertEquals("x=y", values.get("B"));
        assertEquals("", values.get("C"));
        assertEquals("2", values.get("A"));
        assertTrue(SetValues.parse(null).isEmpty());
    }

    @Test
    void withoutEqualsIsBadInput() {
        var e = assertThrows(SlipwayException.class, () -> SetValues.parse(List.of("NOEQUALS")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("KEY=VALUE"), e.getMessage());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> SetValues.parse(List.of("=value"))).exitCode());
    }

    @Test
    void invalidKeyOrMultiLineValueIsBadInputWithoutTheValue() {
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> SetValues.parse(List.of("1ABC=x"))).exitCode());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> SetValues.parse(List.of("MY KEY=x"))).exitCode());
        var e = assertThrows(SlipwayException.class, () -> SetValues.parse(List.of("K=top\nsecret")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
