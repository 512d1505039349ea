package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakingChangesTest {

    @Test
    void everySpellingOfBreaking() {
        String body = """
                - BREAKING CHANGE: config moved
                * **Breaking**: `worker` is `job`
                - breaking: old flag removed
                1. Breaking change - db v16
                - Not breakingly different: words that merely contain it do not count
                - A non-breaking change, and a Non breaking one
                - fix: unrelated
                """;
        assertEquals(List.of("BREAKING CHANGE: config moved", "**Breaking**: `worker` is `job`",
                "breaking: old flag removed", "Breaking change - db v16"), BreakingChanges.in(body));
    }

    @Test
    void conventionalCommitBang() {
        String body = """
                - feat!: new API
                - fix(db)!: drop column
                - 1a2b3c4d refactor(core)!: split modules
                - feat: nothing special
                - note: wow! great: not a type bang
                """;
        assertEquals(List.of("feat!: new API", "fix(db)!: drop column", "1a2b3c4d refactor(core)!: split modules"),
                BreakingChanges.in(body));
    }

    @Test
    void itemsUnderABreakingHeadingAndHeadingsThatSayWhat() {
        String body = """
                ## ⚠ Breaking changes
                - Postgres 16 is required
                - Node 22 is required

                ## BREAKING: the v1 API is gone

                ## Features
                - shiny
                """;
        assertEquals(List.of("Postgres 16 is required", "Node 22 is required", "BREAKING: the v1 API is gone"),
                BreakingChanges.in(body));
    }

    @Test
    void codeBlocksAreNotScanned() {
        String body = "```\nBREAKING in a code sample\nfeat!: sample\n```\n- ok";
        assertEquals(List.of(), BreakingChanges.in(body));
    }
}
