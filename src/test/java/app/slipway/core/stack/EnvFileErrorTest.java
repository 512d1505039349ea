package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EnvFileErrorTest {
    private static final String SECRET = "s3cr3t-V4lue";

    private static SlipwayException badInput(Executable action) {
        SlipwayException e = assertThrows(SlipwayException.class, action);
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "the message shows a value: " + e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), "the message shows part of a value: " + e.getMessage());
        return e;
    }

    @Test
    void aLineWithoutEqualsIsRefusedWithoutShowingIt() {
        SlipwayException e = badInput(() -> EnvFile.parse("A=1\n# ok\n\n" + SECRET + "\n"));
        assertTrue(e.getMessage().startsWith("line 4 of .env is not KEY=VALUE: "), e.getMessage());
    }

    @Test
    void aBadKeyIsShownButNotItsValue() {
        SlipwayException e = badInput(() -> EnvFile.parse("1KEY=" + SECRET + "\n"));
        assertTrue(e.getMessage().startsWith("line 1 of .env is not KEY=VALUE: \"1KEY=…\""), e.getMessage());
        badInput(() -> EnvFile.parse("MY KEY=" + SECRET));
        badInput(() -> EnvFile.parse("KEY!=" + SECRET));
        badInput(() -> EnvFile.parse("export =" + SECRET));
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        SlipwayException e = badInput(() -> EnvFile.parse("A=1\r\nPASSWORD=\"" + SECRET + "\r\nB=2\r\n"));
        assertTrue(e.getMessage().startsWith("line 2 of .env is not KEY=VALUE: \"PASSWORD=…\""), e.getMessage());
        badInput(() -> EnvFile.parse("PASSWORD='" + SECRET));
        badInput(() -> EnvFile.parse("PASSWORD=\"" + SECRET + "\\\""));
        badInput(() -> EnvFile.parse("PASSWORD=\"" + SECRET + "\\"));
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        SlipwayException e = badInput(() -> EnvFile.parse("A=\"x\" " + SECRET + "\n"));
        assertTrue(e.getMessage().startsWith("line 1 of .env is not KEY=VALUE: \"A=…\""), e.getMessage());
    }

    @Test
    void lineNumbersCountTheLinesOfMultiLineValues() {
        SlipwayException e = badInput(() -> EnvFile.parse("A=\"x\ny\"\n\nB=" + SECRET + "\n" + SECRET + "\n"));
        assertTrue(e.getMessage().startsWith("line 5 of .env "), e.getMessage());
    }

    @Test
    void theFileNameCanBeGiven() {
        SlipwayException e = badInput(() -> EnvFile.parse("oops\n", "/srv/strata/.env"));
        assertTrue(e.getMessage().startsWith("line 1 of /srv/strata/.env is not KEY=VALUE"), e.getMessage());
    }

    @Test
    void setRefusesALineBreakWithoutShowingTheValue() {
        EnvFile env = EnvFile.parse("A=1\n");
        badInput(() -> env.set("A", SECRET + "\nB=2"));
        badInput(() -> env.set("A", SECRET + "\r"));
        badInput(() -> env.set("NEW", "\n" + SECRET));
    }

    @Test
    void setRefusesAnInvalidKey() {
        EnvFile env = EnvFile.parse("A=1\n");
        badInput(() -> env.set("1A", "x"));
        badInput(() -> env.set("A B", "x"));
        badInput(() -> env.set("", "x"));
        badInput(() -> env.set("A=B", "x"));
    }

    @Test
    void invalidVersionsAreRefused() {
        SlipwayException e = badInput(() -> EnvFile.requireValidVersion("x y"));
        assertEquals("version 'x y' may only contain letters, digits, '.', '_' and '-' (at most 128)", e.getMessage());
        badInput(() -> EnvFile.requireValidVersion(""));
        badInput(() -> EnvFile.requireValidVersion(null));
        badInput(() -> EnvFile.requireValidVersion("x".repeat(129)));
        badInput(() -> EnvFile.requireValidVersion("1.0/../../etc"));
        badInput(() -> EnvFile.requireValidVersion("1.0\nEVIL=1"));
        badInput(() -> EnvFile.requireValidVersion("1.0;rm"));
        badInput(() -> EnvFile.requireValidVersion("v1.0é"));
    }
}
