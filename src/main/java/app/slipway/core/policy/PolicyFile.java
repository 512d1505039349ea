package app.slipway.core.policy;

import app.slipway.core.host.Target;
import app.slipway.core.releases.Version;
import app.slipway.core.settings.Setting;
import app.slipway.core.settings.SettingsMap;
import app.slipway.core.settings.SettingsYaml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DIR/.slipway/policy.yml} (README §Update policy), read only. Every key is optional; an
 * unknown key or a bad value is refused with its line (exit 2):
 *
 * <pre>
 * level: minor          # patch | minor | major: the largest step allowed
 * prereleases: false
 * min_age: 7d           # 0, 36h, 7d, 2w
 * skip: [2.3.1]
 * unattended: false     # slipway auto may apply updates within the policy by itself
 * </pre>
 */
public final class PolicyFile {
    public static final String NAME = "policy.yml";
    private static final List<String> KEYS = List.of("level", "prereleases", "min_age", "skip", "unattended");

    private PolicyFile() {}

    /** The stack's policy; {@link UpdatePolicy#DEFAULT} when the file is absent. */
    public static UpdatePolicy read(Target target, String directory) {
        String path = path(directory);
        if (target.stat(path).isEmpty()) return UpdatePolicy.DEFAULT;
        return parse(new String(target.readFile(path), StandardCharsets.UTF_8), path);
    }

    /**
     * Writes the policy as the file's own text (the wizard's policy editor), atomically; what was in
     * the file before, comments included, is replaced.
     */
    public static void write(Target target, String directory, UpdatePolicy policy) {
        target.mkdirs(directory + "/.slipway");
        target.writeFileAtomically(path(directory), text(policy).getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** The file that {@link #parse} reads back as {@code policy}. */
    public static String text(UpdatePolicy policy) {
        return "# The stack's update policy (README \"Keeping up without babysitting\"), written by Slipway.\n"
                + "level: " + policy.level().word() + "\n"
                + "prereleases: " + policy.prereleases() + "\n"
                + "min_age: " + AgeText.format(policy.minimumAge()) + "\n"
                + "skip: [" + String.join(", ", policy.skip().stream().map(v -> "\"" + v.text() + "\"").toList()) + "]\n"
                + "unattended: " + policy.unattended() + "\n";
    }

    /** {@code DIR/.slipway/policy.yml} for an absolute install directory. */
    public static String path(String directory) {
        return (directory.equals("/") ? "" : directory) + "/.slipway/" + NAME;
    }

    /** @param file how messages name the file */
    public static UpdatePolicy parse(String text, String file) {
        SettingsMap root = SettingsYaml.read(text, file).allowOnly(KEYS);
        UpdatePolicy d = UpdatePolicy.DEFAULT;
        UpdateLevel level = root.get("level").map(PolicyFile::level).orElse(d.level());
        boolean prereleases = root.get("prereleases").map(Setting::bool).orElse(d.prereleases());
        Duration age = root.get("min_age").map(PolicyFile::age).orElse(d.minimumAge());
        List<Version> skip = root.get("skip").map(PolicyFile::skip).orElse(d.skip());
        boolean unattended = root.get("unattended").map(Setting::bool).orElse(d.unattended());
        return new UpdatePolicy(level, prereleases, age, skip, unattended, Optional.of(file));
    }

    private static UpdateLevel level(Setting value) {
        String text = value.text("patch, minor or major");
        return UpdateLevel.parse(text).orElseThrow(() -> value.invalid("must be patch, minor or major (got '" + text + "')"));
    }

    private static Duration age(Setting value) {
        String text = value.text("an age like 7d");
        return AgeText.parse(text).orElseThrow(() -> value.invalid("must be an age like 36h, 7d or 2w, or 0 (got '" + text + "')"));
    }

    private static List<Version> skip(Setting value) {
        var versions = new ArrayList<Version>();
        for (Setting item : value.list()) {
            String text = item.nonEmptyText("a version");
            versions.add(Version.tryParse(text).orElseThrow(() ->
                    item.invalid("must be a version like 1.2.3 or v1.2.3 (got '" + text + "')")));
        }
        return versions;
    }
}
