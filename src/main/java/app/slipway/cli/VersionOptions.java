package app.slipway.cli;

import app.slipway.core.install.SetValues;
import app.slipway.core.upgrade.UpgradeOptions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What {@code plan} and {@code upgrade} take about the version they go to (a picocli mixin). */
public final class VersionOptions {
    @Option(names = "--to", paramLabel = "VERSION", required = true,
            description = "The version to upgrade to: a release's name or an image tag (v1.2.3 and 1.2.3 are one version).")
    String to;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A .env value the new version needs (repeatable): asked for when its compose file requires a"
                    + " key .env lacks. Never changes a secret that is set.")
    List<String> sets;

    @Option(names = "--rewrite-pinned-tags",
            description = "Let the version variable move the product's images whose tag is written into the compose file.")
    boolean rewritePinnedTags;

    /**
     * The options of an upgrade to {@code version} (the registry's spelling of {@link #to}).
     *
     * @param keep the newest backups kept ({@code --keep})
     */
    UpgradeOptions upgrade(String version, boolean skipBackup, boolean breakLock, boolean resume, int keep) {
        Map<String, String> values = SetValues.parse(sets);
        return new UpgradeOptions(version, skipBackup, breakLock, resume, values, rewritePinnedTags, keep);
    }
}
