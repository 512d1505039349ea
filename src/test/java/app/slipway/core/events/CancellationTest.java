package app.slipway.core.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import org.junit.jupiter.api.Test;

class CancellationTest {
    @Test
    void aRequestBeforeTheFirstChangeStopsTheRunAsARefusal() {
        var c = Cancellation.none();
        assertDoesNotThrow(c::checkpoint);
        assertTrue(c.request());
        var e = assertThrows(SlipwayException.class, c::checkpoint);
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("not touched"), e.getMessage());
        assertThrows(SlipwayException.class, c::close, "closing after a request still stops the run");
    }

    @Test
    void afterTheFirstChangeARequestIsRefusedAndChangesNothing() {
        var c = Cancellation.none();
        c.close();
        assertFalse(c.isPossible());
        assertFalse(c.request());
        assertFalse(c.isRequested());
        assertDoesNotThrow(c::checkpoint);
    }

    @Test
    void pullEventsAskTheEngineToStopOnceCancelled() {
        var c = Cancellation.none();
        var events = new PullEvents("img:1", RunListener.IGNORE, c);
        assertFalse(events.stopRequested());
        c.request();
        assertTrue(events.stopRequested());
    }
}
