package app.slipway.core.releases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate: Bearer realm="…",service="…",scope="…"} challenge: where
 * to get an anonymous token for pulling.
 */
record BearerChallenge(String realm, Optional<String> service, Optional<String> scope) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");

    static Optional<BearerChallenge> parse(String header) {
        if (header == null) return Optional.empty();
        String trimmed = header.trim();
        if (!trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(trimmed.substring(7));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String realm = params.get("realm");
        if (realm == null || realm.isBlank()) return Optional.empty();
        return Optional.of(new BearerChallenge(realm,
                Optional.ofNullable(params.get("service")), Optional.ofNullable(params.get("scope"))));
    }
}
