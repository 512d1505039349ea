package app.slipway.gui.version;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import org.testfx.util.WaitForAsyncUtils;

/** Reading and acting on the FX thread from a test, and waiting for a web page to be shown. */
final class Fx {
    private Fx() {}

    static <T> T call(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    static void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** The text of the page the engine shows, once it has finished loading one containing {@code expected}. */
    static String awaitPageText(WebEngine engine, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pageText(engine).contains(expected));
        return pageText(engine);
    }

    static String pageText(WebEngine engine) throws Exception {
        return call(() -> engine.getLoadWorker().getState() == Worker.State.SUCCEEDED && engine.getDocument() != null
                ? engine.getDocument().getDocumentElement().getTextContent() : "");
    }
}
