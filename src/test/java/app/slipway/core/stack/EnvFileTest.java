package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    private static final String STRATA_ENV = """
            # Strata configuration — written by install.sh
            PORT=3000

            export STRATA_SECRET_KEY_BASE="0123abcd"   # never rotate
            DATABASE_URL='postgres://strata:p@ss#1@db/strata'
            GREETING=hello world # shown on the login page
            HASH=abc#def
            EMPTY=
            SPACED = spaced value\s\s
            STRATA_VERSION=1.0.0-beta.41
            """;

    @Test
    void readsEveryLineKindComposeAccepts() {
        EnvFile env = EnvFile.parse(STRATA_ENV);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PORT", "3000");
        expected.put("STRATA_SECRET_KEY_BASE", "0123abcd");
        expected.put("DATABASE_URL", "postgres://strata:p@ss#1@db/strata");
        expected.put("GREETING", "hello world");
        expected.put("HASH", "abc#def");
        expected.put("EMPTY", "");
        expected.put("SPACED", "spaced value");
        expected.put("STRATA_VERSION", "1.0.0-beta.41");
        assertEquals(expected, env.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(env.values().keySet()), "file order");
        assertTrue(env.has("EMPTY"));
        assertFalse(env.has("MISSING"));
        assertEquals(Optional.empty(), env.get("MISSING"));
        assertEquals(STRATA_ENV, env.text());
    }

    @Test
    void lastOccurrenceWinsLikeCompose() {
        EnvFile env = EnvFile.parse("A=1\nB=2\nA=3\n");
        assertEquals(Optional.of("3"), env.get("A"));
        assertEquals(List.of("A", "B"), List.copyOf(env.values().keySet()));
    }

    @Test
    void doubleQuotesUnderstandComposeEscapes() {
        EnvFile env = EnvFile.parse("""
                NL="a\\nb"
                QUOTE="say \\"hi\\""
                BACKSLASH="C:\\\\dir\\\\"
                DOLLAR="cost \\$5"
                TAB="a\\tb"
                UNKNOWN="keep \\q and \\x41"
                OCTAL="\\0101 \\012"
                JSON="{\\"hello\\": \\"json\\"}"
                """);
        assertEquals("a\nb", env.get("NL").orElseThrow());
        assertEquals("say \"hi\"", env.get("QUOTE").orElseThrow());
        assertEquals("C:\\dir\\", env.get("BACKSLASH").orElseThrow());
        assertEquals("cost $5", env.get("DOLLAR").orElseThrow());
        assertEquals("a\tb", env.get("TAB").orElseThrow());
        assertEquals("keep \\q and \\x41", env.get("UNKNOWN").orElseThrow());
        assertEquals("A \\012", env.get("OCTAL").orElseThrow());
        assertEquals("{\"hello\": \"json\"}", env.get("JSON").orElseThrow());
    }

    @Test
    void singleQuotesAreLiteralExceptAnEscapedQuote() {
        EnvFile env = EnvFile.parse("""
                A='Let\\'s go!'
                B='some\\tvalue $HOME # not a comment'
                C='x' # a comment
                D='y'#also a comment
                """);
        assertEquals("Let's go!", env.get("A").orElseThrow());
        assertEquals("some\\tvalue $HOME # not a comment", env.get("B").orElseThrow());
        assertEquals("x", env.get("C").orElseThrow());
        assertEquals("y", env.get("D").orElseThrow());
    }

    @Test
    void unquotedValuesAreCutOnlyAtSpaceHash() {
        EnvFile env = EnvFile.parse("A=VAL # comment\nB=VAL# not a comment\nC=some\\tvalue\nD=\t padded \t\n");
        assertEquals("VAL", env.get("A").orElseThrow());
        assertEquals("VAL# not a comment", env.get("B").orElseThrow());
        assertEquals("some\\tvalue", env.get("C").orElseThrow());
        assertEquals("padded", env.get("D").orElseThrow());
    }

    @Test
    void crlfLineEndingsAndNoTrailingNewline() {
        EnvFile env = EnvFile.parse("A=1\r\n# c\r\n\r\nB=\"two\"\r\nC=3");
        assertEquals(Map.of("A", "1", "B", "two", "C", "3"), env.values());
    }

    @Test
    void quotedValuesMaySpanLinesAsInCompose() {
        EnvFile env = EnvFile.parse("A=1\nKEY=\"-----BEGIN-----\nabc\n-----END-----\"\nB=2\n");
        assertEquals("-----BEGIN-----\nabc\n-----END-----", env.get("KEY").orElseThrow());
        assertEquals(Optional.of("2"), env.get("B"));
    }

    @Test
    void aByteOrderMarkIsSkippedLikeComposeAndKept() {
        EnvFile env = EnvFile.parse("\uFEFFA=1\n");
        assertEquals(Optional.of("1"), env.get("A"));
        assertEquals("\uFEFFA=2\n", env.set("A", "2").text());
    }

    @Test
    void keysMayHoldDotsAndDashes() {
        EnvFile env = EnvFile.parse("_a.b-c=1\nexport\tX_1=2\n");
        assertEquals(Map.of("_a.b-c", "1", "X_1", "2"), env.values());
    }

    // ---- set: one line changes, every other byte stays ----

    @Test
    void setReplacesOnlyTheValueKeepingCommentAndEverythingElse() {
        EnvFile env = EnvFile.parse(STRATA_ENV).set("GREETING", "bonjour");
        assertEquals(STRATA_ENV.replace("GREETING=hello world #", "GREETING=bonjour #"), env.text());
    }

    @Test
    void setKeepsExportAndDoubleQuotes() {
        EnvFile env = EnvFile.parse(STRATA_ENV).set("STRATA_SECRET_KEY_BASE", "ff$ee");
        assertEquals(STRATA_ENV.replace("\"0123abcd\"", "\"ff\\$ee\""), env.text());
        assertEquals(Optional.of("ff$ee"), env.get("STRATA_SECRET_KEY_BASE"));
    }

    @Test
    void setKeepsSingleQuotesWhenTheValueFits() {
        String text = "A='old' # why\n";
        assertEquals("A='new value $x' # why\n", EnvFile.parse(text).set("A", "new value $x").text());
    }

    @Test
    void setSwitchesToDoubleQuotesWhenSingleCannotHoldTheValue() {
        EnvFile env = EnvFile.parse("A='old'\n").set("A", "it's");
        assertEquals("A=\"it's\"\n", env.text());
        assertEquals(Optional.of("it's"), env.get("A"));
    }

    @Test
    void setQuotesAnUnquotedLineOnlyWhenTheValueNeedsIt() {
        assertEquals("V=2.0.0 # pin\n", EnvFile.parse("V=1.0 # pin\n").set("V", "2.0.0").text());
        assertEquals("V='a #b' # pin\n", EnvFile.parse("V=1.0 # pin\n").set("V", "a #b").text());
        assertEquals("V=' lead'\n", EnvFile.parse("V=1\n").set("V", " lead").text());
        assertEquals("V='$HOME'\n", EnvFile.parse("V=1\n").set("V", "$HOME").text());
        assertEquals("V=\"it's \\$HOME\"\n", EnvFile.parse("V=1\n").set("V", "it's $HOME").text());
        assertEquals("V=two words\n", EnvFile.parse("V=1\n").set("V", "two words").text());
    }

    @Test
    void anEmptyBareValueReadsAFollowingCommentAsTheValueLikeCompose() {
        // compose skips the spaces after '=' before looking for " #"
        assertEquals(Optional.of("# note"), EnvFile.parse("A= # note\n").get("A"));
        // so emptying a bare value that has a comment quotes it, or the comment would become the value
        EnvFile emptied = EnvFile.parse("A=1 # note\n").set("A", "");
        assertEquals("A='' # note\n", emptied.text());
        assertEquals(Optional.of(""), emptied.get("A"));
    }

    @Test
    void setEditsTheLastOccurrenceOnly() {
        assertEquals("A=1\nB=2\nA=9\n", EnvFile.parse("A=1\nB=2\nA=3\n").set("A", "9").text());
    }

    @Test
    void setKeepsEachLinesOwnEnding() {
        assertEquals("A=1\r\nB=9\nC=3\r\n", EnvFile.parse("A=1\r\nB=2\nC=3\r\n").set("B", "9").text());
        assertEquals("A=1\r\nB=9", EnvFile.parse("A=1\r\nB=2").set("B", "9").text());
    }

    @Test
    void setAppendsAMissingKeyWithTheDominantEnding() {
        assertEquals("A=1\nB=2\nNEW=x\n", EnvFile.parse("A=1\nB=2\n").set("NEW", "x").text());
        assertEquals("A=1\r\nB=2\r\nC=3\nNEW=x\r\n", EnvFile.parse("A=1\r\nB=2\r\nC=3\n").set("NEW", "x").text());
        assertEquals("A=1\r\nNEW=x\r\n", EnvFile.parse("A=1\r\n").set("NEW", "x").text());
    }

    @Test
    void setAddsTheMissingNewlineBeforeAnAppendedLine() {
        assertEquals("A=1\r\nB=2\r\nNEW=x\r\n", EnvFile.parse("A=1\r\nB=2").set("NEW", "x").text());
        assertEquals("# only a comment\nNEW=x\n", EnvFile.parse("# only a comment").set("NEW", "x").text());
        assertEquals("NEW=x\n", EnvFile.parse("").set("NEW", "x").text());
    }

    @Test
    void appendedValuesAreQuotedOnlyWhenNeeded() {
        assertEquals("K=ab+/cd==\n", EnvFile.parse("").set("K", "ab+/cd==").text());
        assertEquals("K=\n", EnvFile.parse("").set("K", "").text());
        assertEquals("K='two words'\n", EnvFile.parse("").set("K", "two words").text());
        assertEquals("K=\"it's\"\n", EnvFile.parse("").set("K", "it's").text());
    }

    @Test
    void setOfTheCurrentValueChangesNothing() {
        EnvFile env = EnvFile.parse(STRATA_ENV);
        assertSame(env, env.set("PORT", "3000"));
    }

    @Test
    void setAfterMultibyteTextKeepsIt() {
        String text = "# café ☕ 😀\nNAME=héllo 😀 # ok\nV=1\n";
        EnvFile env = EnvFile.parse(text).set("V", "2😀").set("NAME", "wörld");
        assertEquals("# café ☕ 😀\nNAME=wörld # ok\nV=2😀\n", env.text());
    }

    @Test
    void setCollapsesAMultiLineValueIntoOneLine() {
        EnvFile env = EnvFile.parse("A=1\nKEY=\"x\ny\" # c\r\nB=2\n").set("KEY", "z");
        assertEquals("A=1\nKEY=\"z\" # c\r\nB=2\n", env.text());
    }

    @Test
    void validVersionsPass() {
        for (String version : List.of("1.2.0", "v1.4.2", "1.0.0-beta.41", "latest", "a_b", "x".repeat(128))) {
            assertEquals(version, EnvFile.requireValidVersion(version));
        }
    }

    @Test
    void toStringNeverShowsValues() {
        assertFalse(EnvFile.parse("SECRET=hunter2\n").toString().contains("hunter2"));
    }
}
