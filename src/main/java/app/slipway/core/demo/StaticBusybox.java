package app.slipway.core.demo;

import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one program the demo's images are made of: this machine's statically linked busybox (a
 * shell, an HTTP server, sleep). Static, because nothing else is in the image to link against.
 */
final class StaticBusybox {
    static final List<Path> PLACES = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"),
            Path.of("/usr/lib/initramfs-tools/bin/busybox"));
    private static final int PT_INTERP = 3;

    private StaticBusybox() {}

    static Path find() {
        Optional<Path> dynamic = Optional.empty();
        for (Path p : PLACES) {
            if (!Files.isRegularFile(p)) continue;
            if (isStatic(p)) return p;
            dynamic = Optional.of(p);
        }
        throw SlipwayException.refused(dynamic.map(p -> "The demo needs a statically linked busybox, and " + p
                + " is linked dynamically").orElse("The demo needs a statically linked busybox, and this machine has none")
                + ": install one (Debian, Ubuntu: apt install busybox-static), then run 'slipway demo' again.");
    }

    /** A 64-bit little-endian ELF file without an interpreter (PT_INTERP) is statically linked. */
    static boolean isStatic(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 64 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F'
                    || bytes[4] != 2 || bytes[5] != 1) {
                return false;
            }
            ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long phoff = elf.getLong(0x20);
            int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
            int phnum = Short.toUnsignedInt(elf.getShort(0x38));
            for (int i = 0; i < phnum; i++) {
                long at = phoff + (long) i * phentsize;
                if (at + 4 > bytes.length) return false;
                if (elf.getInt((int) at) == PT_INTERP) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
