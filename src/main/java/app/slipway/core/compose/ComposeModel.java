package app.slipway.core.compose;

import app.slipway.core.SlipwayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The stack as {@code compose config} prints it: variables interpolated, defaults applied. Only
 * read, never written back — edits go through the text-splicing editors.
 */
public record ComposeModel(Map<String, ServiceModel> services) {

    public static ComposeModel parse(String configOutput) {
        return parse(configOutput, java.util.Set.of());
    }

    /**
     * @param activeProfiles the Compose profiles switched on ({@code COMPOSE_PROFILES}); a service
     *                       that names profiles and none of these is not part of the stack: never
     *                       pulled, started or awaited
     */
    public static ComposeModel parse(String configOutput, Set<String> activeProfiles) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(configOutput);
        } catch (RuntimeException e) {
            throw new SlipwayException(app.slipway.core.ExitCode.INTERNAL,
                    "Compose printed a configuration Slipway cannot read: " + e.getMessage(), e);
        }
        var services = new LinkedHashMap<String, ServiceModel>();
        if (root instanceof Map<?, ?> top && top.get("services") instanceof Map<?, ?> svcs) {
            Set<String> awaitedToComplete = awaitedToComplete(svcs);
            for (var entry : svcs.entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<?, ?> svc = entry.getValue() instanceof Map<?, ?> m ? m : Map.of();
                if (svc.get("profiles") instanceof List<?> profiles && !profiles.isEmpty()
                        && profiles.stream().map(String::valueOf).noneMatch(activeProfiles::contains)) {
                    continue;
                }
                Object image = svc.get("image");
                Map<?, ?> hc = svc.get("healthcheck") instanceof Map<?, ?> h ? h : null;
                boolean hasHealthcheck = hc != null && !Boolean.TRUE.equals(hc.get("disable"))
                        && !isNoneTest(hc.get("test"));
                Duration startPeriod = hc == null ? Duration.ZERO : durationOf(hc.get("start_period"));
                String restart = svc.get("restart") == null ? null : String.valueOf(svc.get("restart"));
                boolean oneShot = "no".equals(restart) || awaitedToComplete.contains(name);
                Duration grace = svc.get("stop_grace_period") == null ? ServiceModel.DEFAULT_STOP_GRACE
                        : durationOf(svc.get("stop_grace_period"));
                services.put(name, new ServiceModel(name, image == null ? null : String.valueOf(image),
                        hasHealthcheck, startPeriod, restart, oneShot, grace));
            }
        }
        return new ComposeModel(services);
    }

    /** Services another one waits for with {@code condition: service_completed_successfully}. */
    private static Set<String> awaitedToComplete(Map<?, ?> services) {
        var names = new HashSet<String>();
        for (Object svc : services.values()) {
            if (svc instanceof Map<?, ?> m && m.get("depends_on") instanceof Map<?, ?> deps) {
                deps.forEach((dep, spec) -> {
                    if (spec instanceof Map<?, ?> cond
                            && "service_completed_successfully".equals(String.valueOf(cond.get("condition")))) {
                        names.add(String.valueOf(dep));
                    }
                });
            }
        }
        return names;
    }

    /** {@code COMPOSE_PROFILES} of an environment, split as Compose splits it. */
    public static Set<String> activeProfiles(Map<String, String> env) {
        String value = env.getOrDefault("COMPOSE_PROFILES", "");
        var active = new HashSet<String>();
        for (String p : value.split(",")) {
            if (!p.isBlank()) active.add(p.strip());
        }
        return active;
    }

    public List<String> serviceNames() {
        return new ArrayList<>(services.keySet());
    }

    /** The longest healthcheck start_period of any service: the verification wait is never shorter. */
    public Duration longestStartPeriod() {
        return services.values().stream().map(ServiceModel::startPeriod)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static boolean isNoneTest(Object test) {
        return test instanceof List<?> l && !l.isEmpty() && "NONE".equals(String.valueOf(l.get(0)));
    }

    /** Compose durations: "1m30s", "5s", "500ms", "1h"; v2 may print them already normalised. */
    static Duration durationOf(Object value) {
        if (value == null) return Duration.ZERO;
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) return Duration.ZERO;
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)").matcher(s);
        double millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                case "ms" -> n;
                case "us" -> n / 1000;
                default -> n / 1_000_000;
            };
            end = m.end();
        }
        if (end != s.length()) {
            // A bare number is seconds in some Compose versions' output (nanoseconds in v2 JSON, never YAML).
            try {
                return Duration.ofSeconds(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
