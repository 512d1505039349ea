package app.slipway.core.schedule;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the target has for running things on a schedule, read with one shell command: whether systemd
 * runs there, whether the user is root, the user's home, cron's crontab and {@code /etc/cron.d},
 * and where {@code slipway} is on its PATH.
 */
public record TargetFacts(boolean systemd, boolean root, String home, boolean crontab, boolean cronDir, Optional<String> slipway) {

    private static final String PROBE = "printf 'uid=%s\\nhome=%s\\n' \"$(id -u)\" \"$HOME\"; "
            + "[ -d /run/systemd/system ] && echo systemd=yes; "
            + "command -v crontab >/dev/null 2>&1 && echo crontab=yes; "
            + "[ -d /etc/cron.d ] && echo crond=yes; "
            + "s=$(command -v slipway) && echo \"slipway=$s\"; exit 0";

    public static TargetFacts probe(Target target) {
        ExecResult r = target.exec(Command.of("sh", "-c", PROBE));
        if (!r.ok()) {
            throw SlipwayException.refused("Slipway could not read how " + target.describe() + " runs scheduled jobs ("
                    + r.stderr().strip() + "): check the shell there, then try again.");
        }
        Map<String, String> facts = new HashMap<>();
        r.stdout().lines().filter(l -> l.contains("=")).forEach(l -> facts.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return new TargetFacts(facts.containsKey("systemd"), "0".equals(facts.get("uid")), facts.getOrDefault("home", ""),
                facts.containsKey("crontab"), facts.containsKey("crond"), Optional.ofNullable(facts.get("slipway")).filter(s -> !s.isBlank()));
    }
}
