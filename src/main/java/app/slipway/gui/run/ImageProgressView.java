package app.slipway.gui.run;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** One image being pulled: its words above a full-width progress bar. */
final class ImageProgressView extends VBox {
    static final String STYLE_CLASS = "run-image";

    ImageProgressView(ImageRow image) {
        super(4);
        getStyleClass().add(STYLE_CLASS);
        setUserData(image);
        var text = new Label();
        text.textProperty().bind(image.textProperty());
        text.setTooltip(new Tooltip(image.image()));
        text.getStyleClass().add(Styles.TEXT_SMALL);
        var bar = new ProgressBar();
        bar.progressProperty().bind(image.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText("Pulling " + image.image());
        image.finishedProperty().addListener((obs, was, done) -> {
            if (done) text.getStyleClass().add(Styles.TEXT_MUTED);
        });
        getChildren().addAll(text, bar);
    }
}
