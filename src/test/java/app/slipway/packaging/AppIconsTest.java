package app.slipway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.slipway.gui.AppIcons;
import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window icons load from the application's resources, each at its own size. */
class AppIconsTest {
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everySizeLoadsAndShowsTheMark() {
        List<Image> icons = AppIcons.all();
        assertEquals(List.of(16.0, 32.0, 48.0, 64.0, 128.0, 256.0), icons.stream().map(Image::getWidth).toList());
        for (Image icon : icons) {
            assertFalse(icon.isError(), "icon failed to load: " + icon.getException());
            assertEquals(icon.getWidth(), icon.getHeight());
            int side = (int) icon.getWidth();
            var pixels = icon.getPixelReader();
            assertEquals(1.0, pixels.getColor(side / 2, side / 4).getOpacity(), 0.01, side + " px: the tile is opaque");
            assertEquals(0.0, pixels.getColor(0, 0).getOpacity(), 0.3, side + " px: the corners are rounded off");
        }
    }
}
