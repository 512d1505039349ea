package app.slipway.cli;

import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.releases.AvailableVersions;
import app.slipway.core.releases.RegistryFeed;
import app.slipway.core.releases.RegistryTags;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.ReleaseCatalog;
import app.slipway.core.releases.ReleaseFeed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway versions}: the versions one can install or upgrade to, checked against the registry. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "Lists the released versions whose images exist in the registry, newest stable first.")
public final class VersionsCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Option(names = "--profile", paramLabel = "P", required = true,
            description = "Built-in profile (strata, appstrate) or a path to a profile file.")
    String profile;

    @Option(names = "--json", description = "Print the versions as a JSON array.")
    boolean json;

    @Option(names = "--cache-dir", hidden = true, description = "Cache directory (default $SLIPWAY_CACHE_DIR, else ~/.cache/slipway).")
    Path cacheDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Profile product = new ProfileLoader().load(profile);
        RegistryTags registry = RegistryTags.standard(); // this computer's user's logins, read once
        ReleaseFeed feed = RegistryFeed.load(product, ReleaseCatalog.standard(Optional.ofNullable(cacheDir)), registry::tags);
        AvailableVersions.Result result = new AvailableVersions(registry::tags).of(product, feed);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(asJson(result)) : table(result));
        out.flush();
        // Notices go to stderr so --json output stays parseable.
        PrintWriter err = spec.commandLine().getErr();
        result.notices().forEach(err::println);
        err.flush();
        return 0;
    }

    static List<Map<String, Object>> asJson(AvailableVersions.Result result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Release r : result.versions()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("version", r.version().canonical());
            row.put("tag", r.tag());
            row.put("name", r.name());
            row.put("published", r.publishedAt().map(Object::toString).orElse(null));
            row.put("prerelease", r.prerelease());
            row.put("latest", result.latest().map(l -> l == r).orElse(false));
            row.put("notesUrl", r.htmlUrl().orElse(null));
            rows.add(row);
        }
        return rows;
    }

    static String table(AvailableVersions.Result result) {
        if (result.versions().isEmpty()) return "No versions are available.";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "PUBLISHED", "NOTES-URL"});
        for (Release r : result.versions()) {
            String marker = result.latest().map(l -> l == r).orElse(false) ? " (latest)" : r.prerelease() ? " (prerelease)" : "";
            rows.add(new String[] {r.tag() + marker, r.publishedAt().map(DAY::format).orElse("-"), r.htmlUrl().orElse("-")});
        }
        int w0 = rows.stream().mapToInt(c -> c[0].length()).max().orElse(0);
        int w1 = rows.stream().mapToInt(c -> c[1].length()).max().orElse(0);
        var text = new StringBuilder();
        for (String[] c : rows) {
            text.append(String.format("%-" + w0 + "s  %-" + w1 + "s  %s", c[0], c[1], c[2]).stripTrailing()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
