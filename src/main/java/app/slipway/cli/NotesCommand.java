package app.slipway.cli;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.releases.NotesRenderer;
import app.slipway.core.releases.ReleaseCatalog;
import app.slipway.core.releases.ReleaseFeed;
import app.slipway.core.releases.ReleaseNotes;
import app.slipway.core.releases.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway notes}: the release notes between two versions, breaking changes first. Changes nothing. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = "Shows the release notes of every release after --from up to and including --to, "
                + "breaking changes flagged on top.")
public final class NotesCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "P", required = true,
            description = "Built-in profile (strata, appstrate) or a path to a profile file.")
    String profile;

    @Option(names = "--from", paramLabel = "A", description = "The installed version; notes start after it.")
    String from;

    @Option(names = "--to", paramLabel = "B", required = true, description = "The target version; its notes are included.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), markdown or html (a self-contained page).")
    String format;

    @Option(names = "--cache-dir", hidden = true, description = "Cache directory (default $SLIPWAY_CACHE_DIR, else ~/.cache/slipway).")
    Path cacheDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        NotesRenderer.Format chosen = parseFormat(format);
        Optional<Version> fromVersion = Optional.ofNullable(from).map(Version::parse);
        Version toVersion = Version.parse(to);
        Profile product = new ProfileLoader().load(profile);
        ReleaseFeed feed = ReleaseCatalog.standard(Optional.ofNullable(cacheDir)).load(product.requireReleases());
        ReleaseNotes notes = ReleaseNotes.select(feed, fromVersion, toVersion);
        PrintWriter out = spec.commandLine().getOut();
        if (feed.releases().isEmpty()) {
            // Nothing published yet (e.g. a CHANGELOG with only [Unreleased]) is a plain fact, not an error.
            out.println(feed.notice().orElse("No releases of " + product.name() + " are published yet."));
            out.flush();
            return 0;
        }
        if (chosen != NotesRenderer.Format.TEXT) {
            // The notices are inside the page too, but a page sent to a file would hide them from the user.
            PrintWriter err = spec.commandLine().getErr();
            notes.notices().forEach(err::println);
            err.flush();
        }
        out.print(NotesRenderer.render(notes, product.name(), chosen));
        out.flush();
        return 0;
    }

    private static NotesRenderer.Format parseFormat(String text) {
        try {
            return NotesRenderer.Format.parse(text);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.badInput("--format " + text + " is not known: use text, markdown or html.");
        }
    }
}
