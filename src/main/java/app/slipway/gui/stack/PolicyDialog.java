package app.slipway.gui.stack;

import app.slipway.core.policy.AgeText;
import app.slipway.core.policy.UpdateLevel;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.Version;
import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The stack's update policy, edited (README "Keeping up without babysitting"): what {@code slipway
 * check} offers and {@code slipway auto} may apply. OK is refused while a field cannot be read.
 */
final class PolicyDialog {
    private PolicyDialog() {}

    static Optional<UpdatePolicy> edit(Window owner, UpdatePolicy now) {
        var dialog = new Dialog<UpdatePolicy>();
        dialog.initOwner(owner);
        dialog.setTitle("Update policy");
        dialog.setHeaderText("Which releases this stack takes");

        var level = new ChoiceBox<UpdateLevel>();
        level.setId("policy-level");
        level.getItems().setAll(UpdateLevel.values());
        level.setValue(now.level());
        level.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(UpdateLevel l) {
                return l == null ? "" : l.word() + " steps";
            }

            @Override
            public UpdateLevel fromString(String s) {
                return UpdateLevel.parse(s.replace(" steps", "")).orElse(null);
            }
        });
        var prereleases = new CheckBox("Prereleases too");
        prereleases.setId("policy-prereleases");
        prereleases.setSelected(now.prereleases());
        var age = new TextField(now.minimumAge().isZero() ? "" : AgeText.format(now.minimumAge()));
        age.setId("policy-min-age");
        age.setPromptText("none, or 36h, 7d, 2w");
        var skip = new TextField(String.join(", ", now.skip().stream().map(Version::text).toList()));
        skip.setId("policy-skip");
        skip.setPromptText("versions never to offer, e.g. 2.1.0, 2.1.1");
        var unattended = new CheckBox("Unattended: slipway auto applies it by itself");
        unattended.setId("policy-unattended");
        unattended.setSelected(now.unattended());
        var note = new Label("Unattended upgrades never cross a breaking change and always take the backup.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);

        var form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, label("Largest step"), level);
        form.addRow(1, label(""), prereleases);
        form.addRow(2, label("Minimum age"), age);
        form.addRow(3, label("Skip"), skip);
        form.addRow(4, label(""), unattended);
        var problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(10, form, note, problem));
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);

        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String why = read(level.getValue(), prereleases.isSelected(), age.getText(), skip.getText(),
                    unattended.isSelected()).map(p -> "").orElse("Write the minimum age as 36h, 7d or 2w (or leave it empty),"
                    + " and the skipped versions as versions separated by commas.");
            problem.setText(why);
            if (!why.isEmpty()) e.consume();
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? read(level.getValue(), prereleases.isSelected(),
                age.getText(), skip.getText(), unattended.isSelected()).orElse(null) : null);
        return dialog.showAndWait();
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Larg…"
        return l;
    }

    /** The fields as a policy; empty when one cannot be read. */
    static Optional<UpdatePolicy> read(UpdateLevel level, boolean prereleases, String ageText, String skipText,
                                       boolean unattended) {
        var age = ageText.isBlank() ? Optional.of(java.time.Duration.ZERO) : AgeText.parse(ageText.strip());
        if (age.isEmpty() || level == null) return Optional.empty();
        List<String> words = Arrays.stream(skipText.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
        try {
            List<Version> skip = words.stream().map(Version::parse).toList();
            return Optional.of(new UpdatePolicy(level, prereleases, age.get(), skip, unattended, Optional.empty()));
        } catch (RuntimeException notAVersion) {
            return Optional.empty();
        }
    }
}
