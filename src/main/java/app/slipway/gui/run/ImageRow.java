package app.slipway.gui.run;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One image being pulled, all its layers together: a progress bar and a line of words. */
public final class ImageRow {
    private final String image;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final BooleanProperty finished = new SimpleBooleanProperty(this, "finished");
    private long current;
    private long total;

    ImageRow(String image) {
        this.image = image;
        text.set(shortName(image) + " — starting");
    }

    /** The full reference, e.g. {@code 127.0.0.1:5555/slipway-fixture/app:2.1.0}. */
    public String image() {
        return image;
    }

    /** 0..1, or -1 (indeterminate) while no layer size is known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** "127.0.0.1:5555/…/app:2.0.0 — 34 MB of 51 MB". */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    public long current() {
        return current;
    }

    public long total() {
        return total;
    }

    void update(PullTally.ImagePull pull) {
        current = pull.current();
        total = pull.total();
        progress.set(pull.fraction());
        finished.set(pull.finished());
        String name = shortName(image);
        if (pull.finished()) {
            text.set(name + " — pulled" + (pull.total() > 0 ? " (" + ByteSize.of(pull.total()) + ")" : ""));
        } else if (pull.total() <= 0) {
            text.set(name + " — waiting for " + pull.layers() + (pull.layers() == 1 ? " layer" : " layers"));
        } else {
            text.set(name + " — " + ByteSize.of(pull.current()) + " of " + ByteSize.of(pull.total()));
        }
    }

    /** {@code host:5555/org/team/app:2.0.0} → {@code host:5555/…/app:2.0.0}: the registry and the name matter most. */
    static String shortName(String ref) {
        String[] parts = ref.split("/");
        if (parts.length < 3) return ref;
        return parts[0] + "/…/" + parts[parts.length - 1];
    }
}
