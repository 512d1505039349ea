package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads .env text the way docker compose's dotenv parser does (compose-go), but records where
 * each statement sits instead of only its value. Values are not interpolated ({@code ${X}} stays
 * as written). Error messages show at most the text up to '=': a value may be a secret.
 */
final class EnvParser {
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final String BOM = "\uFEFF";

    private final String text;
    private final String fileName;

    private EnvParser(String text, String fileName) {
        this.text = text;
        this.fileName = fileName;
    }

    static List<EnvEntry> parse(String text, String fileName) {
        return new EnvParser(text, fileName).entries();
    }

    private List<EnvEntry> entries() {
        List<EnvEntry> entries = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart < text.length()) {
            // compose skips a leading byte-order mark (Windows editors write one); we keep it in the text
            int from = lineStart == 0 && text.startsWith(BOM) ? BOM.length() : lineStart;
            int contentEnd = contentEnd(lineStart);
            int first = skipSpaces(from, contentEnd);
            if (first == contentEnd || text.charAt(first) == '#') {
                lineStart = contentEnd + lineEnding(contentEnd).length();
                lineNumber++;
                continue;
            }
            EnvEntry entry = statement(lineStart, first, contentEnd, lineNumber);
            entries.add(entry);
            lineNumber += countLineBreaks(lineStart, entry.contentEnd()) + 1;
            lineStart = entry.end();
        }
        return entries;
    }

    private EnvEntry statement(int lineStart, int first, int contentEnd, int lineNumber) {
        int equals = indexWithin("=", first, contentEnd);
        if (equals < 0) {
            // Nothing of this line is shown: without '=' we cannot tell a key from a pasted secret.
            throw malformed(lineNumber, "it has no '='");
        }
        String shown = "\"" + text.substring(first, equals + 1) + (equals + 1 < contentEnd ? "…" : "") + "\"";
        int keyStart = startsWithExport(first, contentEnd) ? skipSpaces(first + "export".length(), contentEnd) : first;
        Matcher key = KEY.matcher(text).region(keyStart, contentEnd);
        if (!key.lookingAt() || skipSpaces(key.end(), contentEnd) != equals) {
            throw malformed(lineNumber, shown + " has an invalid key (letters, digits, '_', '.' and '-',"
                    + " not starting with a digit)");
        }
        int valueStart = skipSpaces(equals + 1, contentEnd);
        char opening = valueStart < contentEnd ? text.charAt(valueStart) : 0;
        if (opening == '\'' || opening == '"') {
            return quoted(key.group(), lineStart, valueStart, lineNumber, shown);
        }
        int comment = indexWithin(" #", valueStart, contentEnd);
        int valueEnd = comment >= 0 ? comment : contentEnd;
        while (valueEnd > valueStart && EnvValueStyle.isSpace(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        return new EnvEntry(key.group(), text.substring(valueStart, valueEnd), EnvValueStyle.UNQUOTED,
                lineStart, valueStart, valueEnd, contentEnd, lineEnding(contentEnd));
    }

    private EnvEntry quoted(String key, int lineStart, int valueStart, int lineNumber, String shown) {
        char quote = text.charAt(valueStart);
        StringBuilder value = new StringBuilder();
        int i = valueStart + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            char c = text.charAt(i);
            if (c != '\\') {
                value.append(c);
                i++;
            } else if (i + 1 < text.length()) {
                i = quote == '"' ? unescapeDoubleQuoted(i, value) : unescapeSingleQuoted(i, value);
            } else {
                i = text.length(); // a backslash as the last character escapes the end: the quote stays open
            }
        }
        if (i >= text.length()) {
            throw malformed(lineNumber, shown + " opens a quote that is never closed");
        }
        int closingLineEnd = contentEnd(i);
        int afterQuote = skipSpaces(i + 1, closingLineEnd);
        if (afterQuote < closingLineEnd && text.charAt(afterQuote) != '#') {
            throw malformed(lineNumber, shown + " has text after its closing quote");
        }
        EnvValueStyle style = quote == '"' ? EnvValueStyle.DOUBLE_QUOTED : EnvValueStyle.SINGLE_QUOTED;
        return new EnvEntry(key, value.toString(), style, lineStart, valueStart, i + 1,
                closingLineEnd, lineEnding(closingLineEnd));
    }

    /** In single quotes only an escaped quote loses its backslash. Returns the next index. */
    private int unescapeSingleQuoted(int backslash, StringBuilder value) {
        char next = text.charAt(backslash + 1);
        if (next != '\'') {
            value.append('\\');
        }
        value.append(next);
        return backslash + 2;
    }

    /** compose's double-quote escapes (Go's, plus {@code \$}); unknown ones stay as written. */
    private int unescapeDoubleQuoted(int backslash, StringBuilder value) {
        char next = text.charAt(backslash + 1);
        String simple = switch (next) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000B";
            case '"', '\\', '$' -> String.valueOf(next);
            default -> null;
        };
        if (simple != null) {
            value.append(simple);
            return backslash + 2;
        }
        if (next == '0') {
            return unescapeOctal(backslash, value);
        }
        value.append('\\').append(next);
        return backslash + 2;
    }

    /** {@code \0ooo}: exactly three octal digits up to 255 make one character, else it is literal. */
    private int unescapeOctal(int backslash, StringBuilder value) {
        int digitsStart = backslash + 2;
        int digitsEnd = digitsStart;
        while (digitsEnd < text.length() && digitsEnd - digitsStart < 3 && Character.isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        String digits = text.substring(digitsStart, digitsEnd);
        if (digits.matches("[0-7]{3}") && Integer.parseInt(digits, 8) <= 255) {
            value.append((char) Integer.parseInt(digits, 8));
        } else {
            value.append("\\0").append(digits);
        }
        return digitsEnd;
    }

    private boolean startsWithExport(int from, int contentEnd) {
        int after = from + "export".length();
        return text.startsWith("export", from) && after < contentEnd
                && (text.charAt(after) == ' ' || text.charAt(after) == '\t');
    }

    /** End of the line holding {@code from}, before its "\r\n" or "\n". */
    private int contentEnd(int from) {
        int newline = text.indexOf('\n', from);
        if (newline < 0) {
            return text.length();
        }
        return newline > from && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    private String lineEnding(int contentEnd) {
        if (contentEnd >= text.length()) {
            return "";
        }
        return text.charAt(contentEnd) == '\r' ? "\r\n" : "\n";
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) != '\n' && EnvValueStyle.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Like indexOf, but only looks at one line so a long file is not rescanned per line. */
    private int indexWithin(String needle, int from, int end) {
        int found = text.substring(from, end).indexOf(needle);
        return found < 0 ? -1 : from + found;
    }

    private int countLineBreaks(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private SlipwayException malformed(int lineNumber, String why) {
        return SlipwayException.badInput("line " + lineNumber + " of " + fileName + " is not KEY=VALUE: " + why
                + "; fix or remove that line and try again.");
    }
}
