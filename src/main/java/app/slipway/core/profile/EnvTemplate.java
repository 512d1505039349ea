package app.slipway.core.profile;

import java.util.Map;

/**
 * Compose-style variable references inside a few profile values (the health URL and the
 * Postgres database and user), so a profile can follow the stack's {@code .env}:
 * {@code http://127.0.0.1:${PORT:-3000}/up}.
 *
 * <p>Supported, as in Docker Compose: {@code ${NAME}}, {@code ${NAME:-default}} (default when
 * unset or empty), {@code ${NAME-default}} (default when unset), {@code $NAME}, and {@code $$}
 * for a literal dollar. An unset name without a default becomes the empty string.
 */
public final class EnvTemplate {
    private EnvTemplate() {}

    /**
     * The text with every reference replaced from {@code env}.
     *
     * @throws IllegalArgumentException when a {@code ${} is never closed or names no variable
     */
    public static String expand(String template, Map<String, String> env) {
        var out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("'${' at position " + i + " is never closed");
                }
                out.append(braced(template.substring(i + 2, close), env));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < template.length() && isNamePart(template.charAt(end))) end++;
                out.append(env.getOrDefault(template.substring(i + 1, end), ""));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Throws {@link IllegalArgumentException} when the template is malformed. */
    public static void check(String template) {
        expand(template, Map.of());
    }

    private static String braced(String body, Map<String, String> env) {
        int end = 0;
        while (end < body.length() && isNamePart(body.charAt(end))) end++;
        String name = body.substring(0, end);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new IllegalArgumentException("'${" + body + "}' names no variable");
        }
        String rest = body.substring(end);
        String value = env.get(name);
        if (rest.isEmpty()) return value == null ? "" : value;
        if (rest.startsWith(":-")) return value == null || value.isEmpty() ? rest.substring(2) : value;
        if (rest.startsWith("-")) return value == null ? rest.substring(1) : value;
        if (rest.startsWith(":?") || rest.startsWith("?")) return value == null ? "" : value;
        throw new IllegalArgumentException("'${" + body + "}' is not ${NAME}, ${NAME:-default} or ${NAME-default}");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
