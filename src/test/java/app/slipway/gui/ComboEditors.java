package app.slipway.gui;

import javafx.scene.control.ComboBox;

/** Gives an editable ComboBox's text field an id of its own, so the driver can type into it. */
final class ComboEditors {
    private ComboEditors() {}

    static String editorId(WizardDriver driver, String comboId) {
        String id = comboId + "-editor";
        driver.fx(() -> {
            var combo = (ComboBox<?>) driver.lookup(comboId);
            combo.getEditor().setId(id);
            return id;
        });
        return id;
    }
}
