package app.slipway.gui.run;

import java.util.Locale;

/** Byte counts the way a person reads them next to a progress bar: "850 kB", "3.4 MB", "51 MB", "1.20 GB". */
final class ByteSize {
    private ByteSize() {}

    static String of(long bytes) {
        if (bytes < 1_000_000) return (bytes / 1000) + " kB";
        if (bytes < 10_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
