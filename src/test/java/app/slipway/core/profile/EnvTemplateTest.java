package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTemplateTest {
    private static final Map<String, String> ENV = Map.of("PORT", "8080", "EMPTY", "", "USER_1", "alice");

    @Test
    void expandsComposeStyleReferences() {
        assertEquals("http://127.0.0.1:8080/up", EnvTemplate.expand("http://127.0.0.1:${PORT:-3000}/up", ENV));
        assertEquals("http://127.0.0.1:3000/up", EnvTemplate.expand("http://127.0.0.1:${PORT:-3000}/up", Map.of()));
        assertEquals("alice", EnvTemplate.expand("${USER_1}", ENV));
        assertEquals("alice-x", EnvTemplate.expand("$USER_1-x", ENV));
        assertEquals("", EnvTemplate.expand("${MISSING}", ENV));
    }

    @Test
    void colonDashTreatsEmptyAsUnsetButDashDoesNot() {
        assertEquals("d", EnvTemplate.expand("${EMPTY:-d}", ENV));
        assertEquals("", EnvTemplate.expand("${EMPTY-d}", ENV));
        assertEquals("d", EnvTemplate.expand("${MISSING-d}", ENV));
    }

    @Test
    void keepsPlainTextAndEscapedDollars() {
        assertEquals("strata_production", EnvTemplate.expand("strata_production", ENV));
        assertEquals("cost $5 and $", EnvTemplate.expand("cost $5 and $", ENV));
        assertEquals("$PORT", EnvTemplate.expand("$$PORT", ENV));
    }

    @Test
    void rejectsMalformedReferences() {
        assertThrows(IllegalArgumentException.class, () -> EnvTemplate.check("${PORT"));
        assertThrows(IllegalArgumentException.class, () -> EnvTemplate.check("${}"));
        assertThrows(IllegalArgumentException.class, () -> EnvTemplate.check("${1X}"));
        assertThrows(IllegalArgumentException.class, () -> EnvTemplate.check("${PORT+x}"));
    }
}
