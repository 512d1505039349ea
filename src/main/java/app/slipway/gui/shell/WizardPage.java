package app.slipway.gui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

/**
 * One page of the wizard: a view bound to its own small view-model. The shell draws the step bar
 * and the footer; the page says what its main button reads, when it is enabled, and what it does.
 * Pages have no flow logic beyond "what comes next": the work is the core's.
 */
public interface WizardPage {

    /** Name in the step bar, e.g. "Connect". */
    String title();

    /** The page's content (built once, reused when the user comes back). */
    Node view();

    /** Text of the footer's main (default) button, e.g. "Connect", "Upgrade now". */
    ObservableStringValue primaryLabel();

    /** True while the main button cannot be used (input missing, work running). */
    ObservableBooleanValue primaryDisabled();

    /** The main button's action; also Enter on the page. */
    void primary();

    /** True while Back must not be used (a run in progress). */
    ObservableBooleanValue backDisabled();

    /**
     * Whether Enter presses the main button. The Run page's main button is Cancel: a stray Enter
     * must not stop a run.
     */
    default boolean primaryOnEnter() {
        return true;
    }

    /** Called each time the page is shown, after Next or Back. */
    default void entered() {}
}
