package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.SlipwayException;
import app.slipway.core.releases.FakeGitHub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotesCommandTest {
    @TempDir Path dir;
    private FakeGitHub github;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        github = FakeGitHub.withStandardReleases();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    /** A profile file whose releases come from the fake GitHub (and, if given, a CHANGELOG there). */
    static Path profile(Path dir, URI api, boolean changelog) throws Exception {
        Path file = dir.resolve("profile.yml");
        Files.writeString(file, """
                name: Acme
                version_variable: ACME_VERSION
                images:
                  - 127.0.0.1:5555/slipway-fixture/app
                health:
                  url: http://127.0.0.1:18080/up
                  timeout: 60s
                releases:
                  github: acme/app
                  api: %s
                """.formatted(api) + (changelog ? "  changelog: " + api + "/CHANGELOG.md\n" : ""));
        return file;
    }

    /** Runs the command as SlipwayCli would, mapping failures to exit codes the same way. */
    static Run run(Object command, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (!(ex instanceof SlipwayException se)) throw ex;
            commandLine.getErr().println(se.getMessage());
            return se.exitCode().code;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            return 2;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run notes(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "--profile";
        all[1] = profile(dir, github.api(), false).toString();
        all[2] = "--cache-dir";
        all[3] = dir.resolve("cache").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return run(new NotesCommand(), all);
    }

    @Test
    void textNotesForARangeWithBreakingChangesOnTop() throws Exception {
        Run run = notes("--from", "1.1.0", "--to", "v2.1.0");

        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.startsWith("Release notes for Acme: after 1.1.0 up to v2.1.0\n\n!! BREAKING CHANGES\n"), out);
        int v210 = out.indexOf("== v2.1.0");
        int v200 = out.indexOf("== v2.0.0");
        int v120 = out.indexOf("== v1.2.0");
        assertTrue(out.indexOf("!! BREAKING") < v210 && v210 < v200 && v200 < v120, out);
        assertFalse(out.contains("== v1.1.0"), "--from is exclusive: " + out);
        assertFalse(out.contains("rc.1"), "no prereleases for a stable target: " + out);
        assertFalse(out.contains("<script"), out);
        assertEquals("", run.err());
    }

    @Test
    void htmlIsAPageWithTheBodiesEscaped() throws Exception {
        Run run = notes("--from", "2.0.0", "--to", "2.1.0", "--format", "html");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
        assertTrue(run.out().contains("&lt;script&gt;"), run.out());
        assertFalse(run.out().contains("<script"), run.out());
        assertFalse(run.out().contains("javascript:"), run.out());
        assertTrue(run.out().contains("<table>"), run.out());
    }

    @Test
    void markdownKeepsTheSource() throws Exception {
        Run run = notes("--to", "3.0.0-rc.1", "--from", "2.1.0", "--format", "markdown");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("## ⚠ Breaking changes\n\n- **v3.0.0-rc.1**: feat!: new storage layout"), run.out());
        assertTrue(run.out().contains("## v3.0.0-rc.1 — 3.0.0 release candidate (prerelease)"), run.out());
    }

    @Test
    void offlineShowsTheCacheWithItsDate() throws Exception {
        assertEquals(0, notes("--to", "2.0.0").exitCode());
        github.close();

        Run run = notes("--to", "2.0.0", "--format", "html");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("GitHub is unreachable; showing releases cached on "), run.toString());
        assertTrue(run.out().contains("GitHub is unreachable; showing releases cached on "), run.out());
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Run format = notes("--to", "2.0.0", "--format", "pdf");
        assertEquals(2, format.exitCode(), format.toString());
        assertEquals("--format pdf is not known: use text, markdown or html.\n", format.err());

        Run version = notes("--to", "latest");
        assertEquals(2, version.exitCode(), version.toString());
        assertTrue(version.err().startsWith("'latest' is not a version"), version.toString());

        Run missing = notes("--to", "7.0.0");
        assertEquals(2, missing.exitCode(), missing.toString());

        Run noTo = run(new NotesCommand(), "--profile", "strata");
        assertEquals(2, noTo.exitCode(), noTo.toString());
    }

    @Test
    void rateLimitIsRefusedWithOneSentence() throws Exception {
        github.mode = FakeGitHub.Mode.RATE_LIMITED;
        Run run = notes("--to", "2.0.0");
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("GitHub's API rate limit is used up until "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void unreleasedOnlyChangelogIsAPlainStatement() throws Exception {
        try (var empty = new FakeGitHub()) {
            empty.changelog = "# Changelog\n\n## [Unreleased]\n\n### Added\n- Everything\n";
            Run run = run(new NotesCommand(), "--profile", profile(dir, empty.api(), true).toString(),
                    "--cache-dir", dir.resolve("cache").toString(), "--to", "1.0.0");

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("Nothing is released in the CHANGELOG of acme/app yet (it has only an [Unreleased] section).\n", run.out());
        }
    }
}
