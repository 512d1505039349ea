package app.slipway.gui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One step of the wizard that is one page or another by what the session holds (the Stack step
 * for one stack, the Fleet page for several servers); each page is built the first time it is needed.
 */
public final class EitherPage implements WizardPage {
    private final BooleanSupplier second;
    private final Supplier<WizardPage> firstPage;
    private final Supplier<WizardPage> secondPage;
    private WizardPage built1;
    private WizardPage built2;
    private final ObjectProperty<WizardPage> current = new SimpleObjectProperty<>();
    private final StackPane view = new StackPane();

    public EitherPage(BooleanSupplier second, Supplier<WizardPage> firstPage, Supplier<WizardPage> secondPage) {
        this.second = second;
        this.firstPage = firstPage;
        this.secondPage = secondPage;
        choose();
    }

    private WizardPage choose() {
        WizardPage page;
        if (second.getAsBoolean()) {
            if (built2 == null) built2 = secondPage.get();
            page = built2;
        } else {
            if (built1 == null) built1 = firstPage.get();
            page = built1;
        }
        if (current.get() != page) {
            current.set(page);
            view.getChildren().setAll(page.view());
        }
        return page;
    }

    // The shell asks for the view first when it shows the step: the choice is made there, each time.

    @Override
    public String title() {
        return choose().title();
    }

    @Override
    public Node view() {
        choose();
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return choose().primaryLabel();
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return choose().primaryDisabled();
    }

    @Override
    public void primary() {
        choose().primary();
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return choose().backDisabled();
    }

    @Override
    public boolean primaryOnEnter() {
        return choose().primaryOnEnter();
    }

    @Override
    public void entered() {
        choose().entered();
    }
}
