package app.slipway.gui.version;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class WebViewSpikeTest {
    @Test
    void webViewLoads() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AtomicReference<WebView> view = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            WebView w = new WebView();
            w.getEngine().setJavaScriptEnabled(false);
            stage.setScene(new Scene(w, 400, 300));
            stage.show();
            w.getEngine().loadContent("<html><body><p>Hello spike</p></body></html>");
            view.set(w);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            WaitForAsyncUtils.asyncFx(() -> ok.set(view.get().getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED)).get();
            return ok.get();
        });
        AtomicReference<String> text = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> text.set(view.get().getEngine().getDocument().getDocumentElement().getTextContent())).get();
        System.out.println("SPIKE TEXT: " + text.get());
        assertTrue(text.get().contains("Hello spike"));
    }
}
