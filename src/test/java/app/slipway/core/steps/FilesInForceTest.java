package app.slipway.core.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeCli;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeFlavor;
import app.slipway.core.fakes.InMemoryHost;
import app.slipway.core.host.ExecResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FilesInForceTest {
    private static final String CONFIG = """
            services:
              web:
                image: registry.example/app:2.0.0
              job:
                image: registry.example/app:2.0.0
            """;
    private final ComposeCommands compose =
            new ComposeCommands(new ComposeCli(ComposeFlavor.V2, "2.24.1"), "/srv/app", "compose.yaml");

    @Test
    void theReadAheadRunsWhileTheCallerIsBusyAndVerificationTakesItsResult() throws Exception {
        var configStarted = new CountDownLatch(1);
        var host = new InMemoryHost().file("/srv/app/.env", "V=2.0.0\n", 0600).answering(c -> {
            if (c.argv().contains("config")) configStarted.countDown();
            return new ExecResult(0, CONFIG, "");
        });
        var files = new FilesInForce(host, compose, "/srv/app/.env");

        files.readAhead();
        // the caller (the restart's `up -d`) has not asked yet; the read is already under way
        assertTrue(configStarted.await(5, TimeUnit.SECONDS), "compose config started on its own thread");
        FilesInForce.Read read = files.read();

        assertEquals(Map.of("V", "2.0.0"), read.env());
        assertEquals(List.of("job", "web"), read.model().serviceNames().stream().sorted().toList());
        assertEquals(1, host.commandLines().stream().filter(l -> l.contains(" config")).count(), "read once, not again");
    }

    @Test
    void withoutAReadAheadTheFilesAreReadWhenAsked() {
        var host = new InMemoryHost().answering(c -> new ExecResult(0, CONFIG, ""));
        FilesInForce.Read read = new FilesInForce(host, compose, "/srv/app/.env").read();
        assertEquals(Map.of(), read.env(), "no .env: no values");
        assertEquals(2, read.model().services().size());
    }

    @Test
    void composeRefusingTheFilesFailsWithItsSentence() {
        var host = new InMemoryHost().answering(c -> new ExecResult(1, "", "services.web.image must be a string\n"));
        var files = new FilesInForce(host, compose, "/srv/app/.env");
        files.readAhead();
        var e = assertThrows(SlipwayException.class, files::read);
        assertTrue(e.getMessage().contains("services.web.image must be a string"), e.getMessage());
    }
}
