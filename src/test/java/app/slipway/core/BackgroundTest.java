package app.slipway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void joinReturnsWhatTheWorkReturnedOnItsOwnThread() {
        var ranOn = new AtomicReference<Thread>();
        Background<String> work = Background.start("test", () -> {
            ranOn.set(Thread.currentThread());
            return "done";
        });
        assertEquals("done", work.join());
        assertNotEquals(Thread.currentThread(), ranOn.get());
        assertEquals("slipway-test", ranOn.get().getName());
    }

    @Test
    void joinRethrowsTheWorksOwnExceptionUnwrapped() {
        var refusal = SlipwayException.refused("The engine is not reachable.");
        Background<String> work = Background.start("test", () -> {
            throw refusal;
        });
        assertSame(refusal, assertThrows(SlipwayException.class, work::join));
    }

    @Test
    void awaitQuietlyWaitsForFailingWorkWithoutThrowing() {
        var finished = new AtomicReference<Boolean>(false);
        Background<String> work = Background.start("test", () -> {
            finished.set(true);
            throw new IllegalStateException("boom");
        });
        work.awaitQuietly();
        assertEquals(true, finished.get());
    }
}
