package app.slipway.core.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangelogTest {
    static final String KEEP_A_CHANGELOG = """
            # Changelog

            All notable changes to this project will be documented in this file.

            ## [Unreleased]
            ### Added
            - Something in progress

            ## [1.2.0] - 2024-01-01
            ### Changed
            - **BREAKING** `APP_KEY` is now required

            ## [1.1.0-beta.2] - 2023-12-01
            - beta things

            ## [v1.0.0] - 2023-11-15
            ### Added
            - First release
            ```
            ## not a heading inside code
            ```

            ## 0.9.0
            - untagged heading style

            [Unreleased]: https://github.com/acme/app/compare/v1.2.0...HEAD
            [1.2.0]: https://github.com/acme/app/compare/v1.0.0...v1.2.0
            """;

    @Test
    void sectionsByVersionNewestFirst() {
        Changelog.Parsed parsed = Changelog.parse(KEEP_A_CHANGELOG);

        assertTrue(parsed.hasUnreleased());
        assertEquals(List.of("1.2.0", "1.1.0-beta.2", "v1.0.0", "0.9.0"), parsed.releases().stream().map(Release::tag).toList());
        Release r120 = parsed.releases().get(0);
        assertEquals("### Changed\n- **BREAKING** `APP_KEY` is now required", r120.body());
        assertEquals(Optional.of(Instant.parse("2024-01-01T00:00:00Z")), r120.publishedAt());
        assertTrue(parsed.releases().get(1).prerelease());
        assertTrue(parsed.releases().get(2).body().contains("## not a heading inside code"));
        assertEquals("- untagged heading style", parsed.releases().get(3).body(), "link definitions are not notes");
        assertEquals(List.of("**BREAKING** `APP_KEY` is now required"), BreakingChanges.in(r120.body()));
    }

    @Test
    void unreleasedOnlyYieldsNoVersions() {
        Changelog.Parsed parsed = Changelog.parse("""
                # Changelog

                ## [Unreleased]

                ### Added
                - Everything so far
                """);
        assertTrue(parsed.releases().isEmpty());
        assertTrue(parsed.hasUnreleased());
    }

    @Test
    void emptyFileYieldsNothing() {
        Changelog.Parsed parsed = Changelog.parse("");
        assertTrue(parsed.releases().isEmpty());
        assertFalse(parsed.hasUnreleased());
    }
}
