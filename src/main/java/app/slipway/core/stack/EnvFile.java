package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A .env file as text. Reading gives the values docker compose would see; {@link #set} changes
 * one line and keeps every other byte, so a user's comments, order and quoting survive a pin.
 *
 * <p>Values may be secrets: they never appear in exceptions, and {@link #toString} does not
 * show the text.
 */
public final class EnvFile {
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final String text;
    private final String fileName;
    private final List<EnvEntry> entries;

    private EnvFile(String text, String fileName, List<EnvEntry> entries) {
        this.text = text;
        this.fileName = fileName;
        this.entries = entries;
    }

    /** Parses .env text; a line compose would not accept is refused with its line number. */
    public static EnvFile parse(String text) {
        return parse(text, ".env");
    }

    /** As {@link #parse(String)}, naming the file as {@code fileName} in messages. */
    public static EnvFile parse(String text, String fileName) {
        return new EnvFile(text, fileName, List.copyOf(EnvParser.parse(text, fileName)));
    }

    public String text() {
        return text;
    }

    /** The value compose would use: the last occurrence of the key wins. Not interpolated. */
    public Optional<String> get(String key) {
        return last(key).map(EnvEntry::value);
    }

    public boolean has(String key) {
        return last(key).isPresent();
    }

    /** Every key in order of first appearance, with its winning (last) value. */
    public LinkedHashMap<String, String> values() {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (EnvEntry entry : entries) {
            values.put(entry.key(), entry.value());
        }
        return values;
    }

    /**
     * A file with {@code key} set to {@code value}. The last occurrence of the key has its value
     * replaced (keeping its {@code export}, its inline comment, its quote style when the value
     * fits it, and its line ending); a missing key is appended as one line. Nothing else changes.
     * Setting the value it already has returns this file.
     */
    public EnvFile set(String key, String value) {
        if (key == null || !EnvParser.KEY.matcher(key).matches()) {
            throw SlipwayException.badInput("'" + key + "' is not a valid .env key: use letters, digits, '_', '.'"
                    + " and '-', not starting with a digit.");
        }
        if (value == null || !EnvValueStyle.hasNoLineBreak(value)) {
            throw SlipwayException.badInput("the value for " + key + " " + (value == null ? "is missing" : "contains a line break")
                    + "; a value written to " + fileName + " must be one line of text.");
        }
        Optional<EnvEntry> existing = last(key);
        if (existing.isPresent() && existing.get().value().equals(value)) {
            return this;
        }
        String changed = existing.map(entry -> replaced(entry, value)).orElseGet(() -> appended(key, value));
        return parse(changed, fileName);
    }

    /**
     * Returns {@code version} if it can be pinned as an image tag: letters, digits, '.', '_' and
     * '-', at most 128 characters (Docker's tag rule, which also keeps it safe in .env and shells).
     */
    public static String requireValidVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw SlipwayException.badInput("version '" + printable(version) + "' may only contain letters, digits,"
                    + " '.', '_' and '-' (at most 128)");
        }
        return version;
    }

    @Override
    public String toString() {
        return "EnvFile[" + fileName + ", " + entries.size() + " entries]";
    }

    private Optional<EnvEntry> last(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    private String replaced(EnvEntry entry, String value) {
        EnvValueStyle style = entry.styleFor(value, text);
        return text.substring(0, entry.start()) + entry.withValue(text, style.render(value)) + text.substring(entry.end());
    }

    private String appended(String key, String value) {
        String ending = dominantLineEnding();
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : ending;
        return text + separator + key + "=" + EnvValueStyle.forNewLine(value).render(value) + ending;
    }

    /** CRLF when most lines end that way, else LF (also for a file with no line break yet). */
    private String dominantLineEnding() {
        int crlf = 0;
        int lf = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                crlf++;
            } else {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** A version is not secret, but keep a pasted blob from flooding or breaking the message. */
    private static String printable(String version) {
        if (version == null) {
            return "";
        }
        String shown = version.length() > 80 ? version.substring(0, 80) + "…" : version;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
