package app.slipway.gui.shell;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The frame around the pages: a header with the connection and the theme switch, the step bar,
 * the page, and a footer with Back and the page's main button (the default button: Enter).
 * It is the {@link Navigator}; it knows the order of the steps and nothing of their work.
 */
public final class WizardShell implements Navigator {
    private final Map<Step, Supplier<WizardPage>> factories = new EnumMap<>(Step.class);
    private final Map<Step, WizardPage> pages = new EnumMap<>(Step.class);
    private final Map<Step, Label> stepLabels = new EnumMap<>(Step.class);
    private final ObjectProperty<Step> current = new SimpleObjectProperty<>();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Button back = new Button("_Back");
    private final Button primary = new Button();
    private final WizardSession session;

    public WizardShell(WizardSession session, Theme theme) {
        this.session = session;
        root.getStyleClass().add("wizard");
        root.setTop(header(theme));
        content.getStyleClass().add("wizard-content");
        content.setPadding(new Insets(20, 28, 12, 28));
        content.setAlignment(Pos.TOP_LEFT);
        root.setCenter(content);
        root.setBottom(footer());
    }

    /**
     * Says how to build the page shown at {@code step}. Pages are built when first shown: the
     * notes' web engine, for one, costs start-up time and memory the first page does not need.
     */
    public void put(Step step, Supplier<WizardPage> page) {
        factories.put(step, page);
    }

    public Parent root() {
        return root;
    }

    public ObjectProperty<Step> currentStep() {
        return current;
    }

    /** The page of {@code step}, built now if it was not yet. */
    public WizardPage page(Step step) {
        return pages.computeIfAbsent(step, s -> {
            Supplier<WizardPage> factory = factories.get(s);
            if (factory == null) throw new IllegalStateException("No page for " + s);
            return factory.get();
        });
    }

    @Override
    public void goTo(Step step) {
        WizardPage page = page(step);
        current.set(step);
        content.getChildren().setAll(page.view());
        primary.textProperty().bind(page.primaryLabel());
        // One instance, read by the binding itself: a lazy binding that is never read stays invalid and
        // reports no further change (a page that asks once, while busy, would keep its button off).
        var disabled = page.primaryDisabled();
        primary.disableProperty().bind(Bindings.createBooleanBinding(disabled::get, disabled));
        primary.setOnAction(e -> page.primary());
        primary.setDefaultButton(page.primaryOnEnter());
        back.disableProperty().bind(Bindings.createBooleanBinding(
                () -> step == Step.CONNECT || page.backDisabled().get(), page.backDisabled()));
        stepLabels.forEach((s, label) -> {
            label.getStyleClass().removeAll("current", "done");
            if (s == step) label.getStyleClass().add("current");
            else if (s.ordinal() < step.ordinal()) label.getStyleClass().add("done");
        });
        page.entered();
    }

    private Step previous(Step step) {
        return switch (step) {
            case CONNECT, STACK -> Step.CONNECT;
            case VERSION -> Step.STACK;
            case PLAN -> Step.VERSION;
            case RUN -> Step.PLAN;
            case RESULT -> Step.STACK; // after a run, "back" means: look at the stack again
        };
    }

    private Region header(Theme theme) {
        var name = new Label("Slipway");
        name.getStyleClass().addAll(Styles.TITLE_4, "app-name");
        var connection = new Label();
        connection.setId("shell-connection");
        connection.getStyleClass().add(Styles.TEXT_MUTED);
        connection.textProperty().bind(Bindings.createStringBinding(() -> session.ecs.get() != null
                ? session.ecs.get().stack().target().describe() : session.connection.get() == null
                ? "Not connected" : session.connection.get().describe(), session.connection, session.ecs));
        var dark = new ToggleButton();
        dark.setId("shell-dark");
        dark.setFocusTraversable(true);
        dark.selectedProperty().bindBidirectional(theme.dark);
        dark.textProperty().bind(Bindings.when(theme.dark).then("☀  Light").otherwise("☾  Dark"));
        dark.getStyleClass().add(Styles.FLAT);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(16, name, connection, spacer, dark);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("wizard-header");
        top.setPadding(new Insets(10, 20, 10, 28));

        var bar = new HBox(6);
        bar.getStyleClass().add("step-bar");
        bar.setPadding(new Insets(10, 28, 10, 28));
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Step step : Step.values()) {
            var label = new Label((step.ordinal() + 1) + "  " + titleOf(step));
            label.getStyleClass().add("step");
            stepLabels.put(step, label);
            if (step.ordinal() > 0) {
                var arrow = new Label("›");
                arrow.getStyleClass().add("step-arrow");
                bar.getChildren().add(arrow);
            }
            bar.getChildren().add(label);
        }
        var box = new javafx.scene.layout.VBox(top, bar);
        return box;
    }

    private static String titleOf(Step step) {
        return switch (step) {
            case CONNECT -> "Connect";
            case STACK -> "Stack";
            case VERSION -> "Version";
            case PLAN -> "Plan";
            case RUN -> "Run";
            case RESULT -> "Result";
        };
    }

    private Region footer() {
        back.setId("shell-back");
        back.setMnemonicParsing(true);
        back.setOnAction(e -> goTo(previous(current.get())));
        primary.setId("shell-primary");
        primary.setDefaultButton(true);
        primary.getStyleClass().add(Styles.ACCENT);
        primary.setMnemonicParsing(false);
        primary.setMinWidth(140);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(12, back, spacer, primary);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("wizard-footer");
        bar.setPadding(new Insets(12, 28, 16, 28));
        return bar;
    }
}
