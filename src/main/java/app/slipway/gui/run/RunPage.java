package app.slipway.gui.run;

import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardPage;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Run page (README §The wizard): the steps with their states on the left; on the right a progress bar per
 * image being pulled and the live log. Cancel is the main button while the run can still stop
 * without having changed anything.
 */
public final class RunPage implements WizardPage {
    private final RunViewModel model;
    private final BorderPane view = new BorderPane();
    /** Elapsed time, and throttled pull progress left in the inbox; runs only while the job does. */
    private final Timeline ticker;
    private final ObservableStringValue primaryLabel;
    private final ObservableBooleanValue primaryDisabled;

    public RunPage(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this(new RunViewModel(session, executor, navigator));
    }

    public RunPage(RunViewModel model) {
        this.model = model;
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.runningProperty().addListener((obs, was, running) -> {
            if (running) ticker.play();
            else ticker.stop();
        });
        primaryLabel = Bindings.when(model.finishedProperty()).then("Show result")
                .otherwise(Bindings.when(model.cancelRequestedProperty()).then("Cancelling…").otherwise("Cancel"));
        primaryDisabled = model.finishedProperty().not().and(model.cancelPossibleProperty().not());
        build();
    }

    private void build() {
        var title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        var elapsed = new Label();
        elapsed.textProperty().bind(Bindings.concat("Elapsed ", model.elapsedProperty()));
        elapsed.getStyleClass().add(Styles.TEXT_MUTED);
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(12, title, spacer, elapsed);
        var status = new Label();
        status.setId("run-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(Styles.ACCENT);
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));

        var stepList = new VBox(2);
        stepList.setId("run-steps");
        var stepScroll = new ScrollPane(stepList);
        Runnable showSteps = () -> {
            stepList.getChildren().setAll(model.steps().stream().map(StepRowView::new).toList());
            // the step at work stays in view: a long plan's later steps are below the fold
            for (int i = 0; i < model.steps().size(); i++) {
                int index = i;
                model.steps().get(i).stateProperty().addListener((obs, was, now) -> {
                    if (now == StepState.RUNNING) scrollTo(stepScroll, stepList, index);
                });
            }
        };
        model.steps().addListener((ListChangeListener<StepRow>) c -> showSteps.run());
        showSteps.run();
        stepScroll.setFitToWidth(true);
        stepScroll.setPrefWidth(340);
        stepScroll.setMinWidth(260);
        stepScroll.setFocusTraversable(false);

        var imageList = new VBox(10);
        Runnable showImages = () -> imageList.getChildren().setAll(
                model.images().stream().map(ImageProgressView::new).toList());
        model.images().addListener((ListChangeListener<ImageRow>) c -> showImages.run());
        showImages.run();
        imageList.visibleProperty().bind(Bindings.isNotEmpty(model.images()));
        imageList.managedProperty().bind(imageList.visibleProperty());

        var logTitle = new Label("Log");
        logTitle.getStyleClass().add(Styles.TEXT_BOLD);
        var log = new LogList(model.log());
        VBox.setVgrow(log, Priority.ALWAYS);
        var right = new VBox(10, imageList, logTitle, log);
        right.setPadding(new Insets(0, 0, 0, 16));

        view.setTop(new javafx.scene.layout.VBox(4, header, status));
        view.setLeft(stepScroll);
        view.setCenter(right);
        view.setPadding(new Insets(8));
    }

    @Override
    public boolean primaryOnEnter() {
        return false; // the main button is Cancel while the run can still be stopped
    }

    @Override
    public String title() {
        return "Run";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return primaryLabel;
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return primaryDisabled;
    }

    @Override
    public void primary() {
        if (model.finishedProperty().get()) model.showResult();
        else model.cancel();
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return model.runningProperty();
    }

    @Override
    public void entered() {
        model.entered();
    }

    public RunViewModel model() {
        return model;
    }

    /** Scrolls {@code scroll} so that row {@code index} of {@code list} is shown, with the row before it if it fits. */
    private static void scrollTo(ScrollPane scroll, VBox list, int index) {
        if (index >= list.getChildren().size()) return;
        javafx.application.Platform.runLater(() -> {
            var row = list.getChildren().get(Math.max(0, index - 1));
            double content = list.getHeight() - scroll.getViewportBounds().getHeight();
            if (content <= 0) return;
            scroll.setVvalue(Math.min(1, Math.max(0, row.getBoundsInParent().getMinY() / content)));
        });
    }
}
