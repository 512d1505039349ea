package app.slipway.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;

/** PNGs of what a GUI test shows, when screenshots are asked for (-Dslipway.screenshots=DIR; see docs/screenshots.sh). */
public final class Screenshots {
    private Screenshots() {}

    /** @param image a snapshot taken on the FX thread */
    public static void save(WritableImage image, String name) {
        String dir = System.getProperty("slipway.screenshots");
        if (dir == null) return;
        try {
            Files.createDirectories(Path.of(dir));
            javax.imageio.ImageIO.write(toAwt(image), "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write the screenshot " + name, e);
        }
    }

    public static boolean wanted() {
        return System.getProperty("slipway.screenshots") != null;
    }

    /** JavaFX image to AWT without javafx-swing: the pixels as ARGB ints. */
    private static java.awt.image.BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
