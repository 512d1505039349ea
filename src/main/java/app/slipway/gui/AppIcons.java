package app.slipway.gui;

import java.util.List;
import javafx.scene.image.Image;

/**
 * Slipway's icon in every size the window needs (rendered from {@code icons/slipway.svg}); the
 * platform picks the size that fits the title bar, task bar or switcher:
 * {@code stage.getIcons().addAll(AppIcons.all())}.
 */
public final class AppIcons {
    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcons() {}

    public static List<Image> all() {
        return SIZES.stream().map(AppIcons::load).toList();
    }

    private static Image load(int size) {
        String resource = "/app/slipway/icons/slipway-" + size + ".png";
        var url = AppIcons.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the application");
        }
        return new Image(url.toExternalForm());
    }
}
