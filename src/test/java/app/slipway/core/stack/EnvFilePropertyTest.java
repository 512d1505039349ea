package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated .env files with every kind of line, and a {@link EnvFile#set} on each: exactly the
 * intended line differs, and reading the result gives the new value with every other unchanged.
 * The expected values come from the generator, not from the parser under test.
 */
class EnvFilePropertyTest {
    private static final long BASE_SEED = 20240611L;
    private static final int FILES = 400;
    private static final List<String> KEYS = List.of(
            "STRATA_VERSION", "APPSTRATE_VERSION", "PORT", "SECRET_KEY_BASE", "POSTGRES_USER", "a.b-c", "_X1");
    private static final String VALUE_CHARS = "abcXYZ019_./:@+=,-é😀 \t#$'\"\\!*&%";

    /** One generated statement: its physical lines, the value it stands for, how it was written. */
    private record Written(String key, String value, int firstLine, int lineCount, String prefix, char quote) {}

    @Test
    void setChangesExactlyTheIntendedLine() {
        int replaced = 0;
        int multiLineReplaced = 0;
        int appended = 0;
        for (int n = 0; n < FILES; n++) {
            long seed = BASE_SEED + n;
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            List<Written> written = new ArrayList<>();
            generate(random, lines, written);
            String text = String.join("", lines);
            String context = "seed " + seed + " file:\n" + text;

            LinkedHashMap<String, String> expected = new LinkedHashMap<>();
            written.forEach(w -> expected.put(w.key(), w.value()));
            EnvFile env = EnvFile.parse(text);
            assertEquals(expected, env.values(), context);

            String key = random.nextInt(10) < 7 && !written.isEmpty()
                    ? written.get(random.nextInt(written.size())).key()
                    : KEYS.get(random.nextInt(KEYS.size()));
            String value = randomValue(random);
            EnvFile changed = env.set(key, value);
            context += "\nset " + key + " to [" + value + "] gave:\n" + changed.text();

            Written last = null;
            for (Written w : written) {
                if (w.key().equals(key)) {
                    last = w;
                }
            }
            List<String> after = splitLines(changed.text());
            if (last == null) {
                assertAppended(lines, after, key, context);
                appended++;
            } else if (last.value().equals(value)) {
                assertEquals(text, changed.text(), context);
            } else {
                assertReplaced(lines, after, last, value, context);
                replaced++;
                multiLineReplaced += last.lineCount() > 1 ? 1 : 0;
            }

            LinkedHashMap<String, String> expectedAfter = new LinkedHashMap<>(expected);
            expectedAfter.put(key, value);
            EnvFile reread = EnvFile.parse(changed.text());
            assertEquals(expectedAfter, reread.values(), context);
            assertEquals(value, reread.get(key).orElseThrow(), context);
            assertEquals(changed.text(), reread.set(key, value).text(), "setting again is a no-op; " + context);
        }
        // the generator must keep reaching every case, or the property proves little
        assertTrue(replaced > 150 && appended > 50 && multiLineReplaced > 5,
                "replaced " + replaced + ", appended " + appended + ", multi-line replaced " + multiLineReplaced);
    }

    private static void assertReplaced(List<String> before, List<String> after, Written last, String value, String context) {
        int first = last.firstLine();
        int end = first + last.lineCount();
        assertEquals(before.size() - last.lineCount() + 1, after.size(), "line count; " + context);
        assertEquals(before.subList(0, first), after.subList(0, first), "lines before; " + context);
        assertEquals(before.subList(end, before.size()), after.subList(first + 1, after.size()), "lines after; " + context);
        String line = after.get(first);
        assertEquals(ending(before.get(end - 1)), ending(line), "line ending kept; " + context);
        assertTrue(line.startsWith(last.prefix()), "export/key prefix kept; " + context);
        String rest = line.substring(last.prefix().length());
        char quoteNow = rest.isEmpty() ? 0 : rest.charAt(0);
        if (last.quote() == '"') {
            assertEquals('"', quoteNow, "double quotes kept; " + context);
        } else if (last.quote() == '\'' && value.matches("[^'\\\\]*")) {
            assertEquals('\'', quoteNow, "single quotes kept; " + context);
        } else if (last.quote() == 0 && value.matches("[A-Za-z0-9_./:@+-]+")) {
            // an empty bare value may have had spaces after the prefix; the new value goes after them
            assertTrue(line.substring(last.prefix().length()).stripLeading().startsWith(value), "stays unquoted; " + context);
        }
    }

    private static void assertAppended(List<String> before, List<String> after, String key, String context) {
        String dominant = dominantEnding(String.join("", before));
        assertEquals(before.size() + 1, after.size(), "one line appended; " + context);
        int lastIndex = before.size() - 1;
        if (lastIndex >= 0) {
            assertEquals(before.subList(0, lastIndex), after.subList(0, lastIndex), context);
            String lastLine = before.get(lastIndex);
            String expectedLast = ending(lastLine).isEmpty() ? lastLine + dominant : lastLine;
            assertEquals(expectedLast, after.get(lastIndex), "newline added only if missing; " + context);
        }
        String appended = after.get(after.size() - 1);
        assertTrue(appended.startsWith(key + "="), context);
        assertEquals(dominant, ending(appended), "dominant line ending; " + context);
    }

    // ---- the generator ----

    private static void generate(Random random, List<String> lines, List<Written> written) {
        int style = random.nextInt(3); // all LF, all CRLF, mixed
        int count = random.nextInt(14);
        for (int i = 0; i < count; i++) {
            String ending = style == 0 ? "\n" : style == 1 ? "\r\n" : random.nextBoolean() ? "\n" : "\r\n";
            if (i == count - 1 && random.nextInt(4) == 0) {
                ending = "";
            }
            switch (random.nextInt(6)) {
                case 0 -> lines.add(pick(random, ending.isEmpty() ? " " : "", " ", "\t", "   ") + ending);
                case 1 -> lines.add(pick(random, "", "  ") + "#" + randomText(random, "a =\"'#$😀é")
                        + ending);
                default -> written.add(entry(random, lines, ending));
            }
        }
    }

    private static Written entry(Random random, List<String> lines, String ending) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        String prefix = pick(random, "", "", " ", "\t") + (random.nextInt(4) == 0 ? pick(random, "export ", "export\t") : "")
                + key + pick(random, "", "", " ") + "=" + pick(random, "", "", " ");
        String trailer = pick(random, "", "", "  ", " # pinned by hand", "\t# ok =\"'😀");
        int firstLine = lines.size();
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                String value = unquotedValue(random);
                // after an unquoted value only " #" starts a comment
                // and an empty value followed by " #..." would read the comment as the value
                String after = trailer.startsWith("\t#") || value.isEmpty() && trailer.contains("#") ? "" : trailer;
                lines.add(prefix + value + after + ending);
                return new Written(key, value, firstLine, 1, prefix, (char) 0);
            }
            case 2 -> {
                // in single quotes only \' is an escape, so a backslash may not precede a quote or end the value
                String value = randomText(random, "ab $#\"'é😀\\t").replace("\\'", "'").replaceAll("\\\\+$", "");
                lines.add(prefix + "'" + value.replace("'", "\\'") + "'" + trailer + ending);
                return new Written(key, value, firstLine, 1, prefix, '\'');
            }
            default -> {
                boolean multiLine = random.nextInt(6) == 0;
                String value = randomText(random, VALUE_CHARS) + (multiLine ? "\nsecond line" : "");
                String raw = doubleQuoted(value, random, multiLine);
                if (multiLine) {
                    int split = raw.indexOf('\n');
                    lines.add(prefix + raw.substring(0, split + 1));
                    lines.add(raw.substring(split + 1) + trailer + ending);
                    return new Written(key, value, firstLine, 2, prefix, '"');
                }
                lines.add(prefix + raw + trailer + ending);
                return new Written(key, value, firstLine, 1, prefix, '"');
            }
        }
    }

    /** Written independently of the code under test: compose's escapes, chosen at random where there is a choice. */
    private static String doubleQuoted(String value, Random random, boolean keepNewline) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '$' -> out.append("\\$");
                case '\t' -> out.append(random.nextBoolean() ? "\\t" : "\t");
                case '\n' -> out.append(keepNewline ? "\n" : "\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Words with single spaces; no leading quote or '#', no " #", no '$', no edge spaces. */
    private static String unquotedValue(Random random) {
        int words = random.nextInt(3);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            String word = randomText(random, "abcXYZ019_./:@+=,-é😀#\\'\"");
            while (!word.isEmpty() && "#'\"".indexOf(word.charAt(0)) >= 0) {
                word = word.substring(1);
            }
            if (!word.isEmpty()) {
                parts.add(word);
            }
        }
        return String.join(" ", parts);
    }

    private static String randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "1." + random.nextInt(20) + ".0" + (random.nextBoolean() ? "-beta." + random.nextInt(60) : "");
            case 1 -> unquotedValue(random);
            default -> randomText(random, VALUE_CHARS);
        };
    }

    /** Random text of the given characters; emoji count as one character. */
    private static String randomText(Random random, String alphabet) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return out.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Lines with their endings, so joining them gives the text back. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String ending(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
    }

    private static String dominantEnding(String text) {
        long crlf = splitLines(text).stream().filter(l -> l.endsWith("\r\n")).count();
        long lf = splitLines(text).stream().filter(l -> l.endsWith("\n") && !l.endsWith("\r\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }
}
