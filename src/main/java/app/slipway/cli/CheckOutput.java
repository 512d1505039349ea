package app.slipway.cli;

import app.slipway.core.check.CheckResult;
import app.slipway.core.notify.Delivery;
import app.slipway.core.policy.AgeText;
import app.slipway.core.policy.HeldBack;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.Version;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code slipway check}'s answer for people (a few labelled lines) and for scripts (one JSON object). */
final class CheckOutput {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CheckOutput() {}

    /** @param upgradeHint the command that would upgrade, when an update is available */
    static String text(CheckResult r, String upgradeHint) {
        var sb = new StringBuilder();
        line(sb, "Product", r.product());
        line(sb, "Current", r.current());
        line(sb, "Newest allowed", r.newestAllowed().map(CheckOutput::release).orElse("none newer than " + r.current()));
        line(sb, "Newest overall", r.newestOverall().map(CheckOutput::release).orElse("none"));
        line(sb, "Breaking", breaking(r));
        for (BreakingChanges.Change c : r.breaking()) sb.append(String.format("%-16s  %s: %s%n", "", c.release().tag(), c.text()));
        r.notesUrl().ifPresent(url -> line(sb, "Notes", url));
        line(sb, "Policy", r.policy().summary());
        for (HeldBack h : r.heldBack()) line(sb, "Held back", h.release().tag() + ": " + h.reason());
        sb.append('\n');
        sb.append(r.updateAvailable() ? "An update is available: " + upgradeHint
                : "Up to date: no newer release the policy allows.");
        return sb.toString();
    }

    private static String release(Release release) {
        return release.tag() + release.publishedAt().map(t -> " (published " + DAY.format(t) + ")").orElse("");
    }

    private static String breaking(CheckResult r) {
        if (r.newestAllowed().isEmpty()) return "nothing to cross";
        String span = "between " + r.current() + " and " + r.newestAllowed().get().tag();
        return r.breakingBetween().map(b -> b ? "yes, " + span + ":" : "none noted " + span)
                .orElse("unknown: " + r.product() + " publishes no release notes");
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-16s  %s%n", label, value));
    }

    static Map<String, Object> asJson(CheckResult r, Optional<List<Delivery>> deliveries) {
        var json = new LinkedHashMap<String, Object>();
        json.put("product", r.product());
        json.put("current", r.current());
        json.put("newestAllowed", r.newestAllowed().map(Release::tag).orElse(null));
        json.put("newestOverall", r.newestOverall().map(Release::tag).orElse(null));
        json.put("updateAvailable", r.updateAvailable());
        json.put("breakingBetween", r.breakingBetween().orElse(null));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (BreakingChanges.Change c : r.breaking()) changes.add(Map.of("version", c.release().tag(), "text", c.text()));
        json.put("breakingChanges", changes);
        json.put("notesUrl", r.notesUrl().orElse(null));
        json.put("policy", policy(r.policy()));
        List<Map<String, Object>> held = new ArrayList<>();
        for (HeldBack h : r.heldBack()) held.add(Map.of("version", h.release().tag(), "reason", h.reason()));
        json.put("heldBack", held);
        json.put("notices", r.notices());
        deliveries.ifPresent(list -> {
            List<Map<String, Object>> sent = new ArrayList<>();
            for (Delivery d : list) {
                var row = new LinkedHashMap<String, Object>();
                row.put("channel", d.channel());
                row.put("sent", d.sent());
                row.put("error", d.failure().orElse(null));
                sent.add(row);
            }
            json.put("notifications", sent);
        });
        return json;
    }

    /** One line per channel on stderr: sent, or why not. */
    static void deliveries(java.io.PrintWriter err, List<Delivery> deliveries) {
        for (Delivery d : deliveries) err.println(d.sent() ? "Notified " + d.channel() + "." : d.failure().get());
        err.flush();
    }

    private static Map<String, Object> policy(UpdatePolicy p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("level", p.level().word());
        json.put("prereleases", p.prereleases());
        json.put("minAge", AgeText.format(p.minimumAge()));
        json.put("skip", p.skip().stream().map(Version::text).toList());
        json.put("unattended", p.unattended());
        json.put("file", p.file().orElse(null));
        json.put("summary", p.summary());
        return json;
    }
}
