package app.slipway.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed icon files are what {@code icons/generate.sh} makes from {@code icons/slipway.svg}:
 * every PNG size, a Windows .ico and a macOS .icns holding them, and the window's copies.
 */
class IconFilesTest {
    private static final Path ICONS = Path.of("icons");
    private static final Path WINDOW_ICONS = Path.of("src/main/resources/app/slipway/icons");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyPngSizeIsRenderedAtItsSize() throws IOException {
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024)) {
            byte[] png = Files.readAllBytes(ICONS.resolve("png/slipway-" + size + ".png"));
            assertEquals(List.of(size, size), pngSize(png), "slipway-" + size + ".png");
        }
    }

    @Test
    void theWindowUsesTheGeneratedPngs() throws IOException {
        for (int size : List.of(16, 32, 48, 64, 128, 256)) {
            String name = "slipway-" + size + ".png";
            assertArrayEquals(Files.readAllBytes(ICONS.resolve("png/" + name)),
                    Files.readAllBytes(WINDOW_ICONS.resolve(name)), name + " differs from icons/png: run icons/generate.sh");
        }
    }

    @Test
    void icoHoldsSevenPngSizesUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("slipway.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1 is an icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int side = Byte.toUnsignedInt(ico.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            byte[] png = slice(ico, ico.getInt(entry + 12), ico.getInt(entry + 8));
            assertEquals(List.of(side, side), pngSize(png), "ICO entry " + i);
            sizes.add(side);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 128, 256), sizes);
    }

    @Test
    void icnsHoldsEveryRetinaAndStandardSize() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("slipway.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(bytes.length, icns.getInt(4), "the header's length is the file's");
        List<String> elements = new ArrayList<>();
        for (int at = 8; at < bytes.length; ) {
            String type = new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            elements.add(type + "=" + pngSize(slice(icns, at + 8, length - 8)).get(0));
            at += length;
        }
        assertEquals(List.of("icp4=16", "icp5=32", "icp6=64", "ic07=128", "ic08=256", "ic09=512", "ic10=1024",
                "ic11=32", "ic12=64", "ic13=256", "ic14=512"), elements);
    }

    @Test
    void theSvgIsTheSource() throws IOException {
        String svg = Files.readString(ICONS.resolve("slipway.svg"));
        assertTrue(svg.contains("viewBox=\"0 0 256 256\""), "the source icon is a square SVG");
        assertTrue(Files.readString(ICONS.resolve("generate.sh")).contains("slipway.svg"));
    }

    private static byte[] slice(ByteBuffer buffer, int offset, int length) {
        byte[] out = new byte[length];
        buffer.get(offset, out);
        return out;
    }

    /** Width and height from a PNG's IHDR chunk; fails when the bytes are not a PNG. */
    private static List<Integer> pngSize(byte[] png) {
        byte[] magic = new byte[8];
        System.arraycopy(png, 0, magic, 0, 8);
        assertArrayEquals(PNG_MAGIC, magic, "not a PNG");
        ByteBuffer header = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        return List.of(header.getInt(16), header.getInt(20));
    }
}
