package app.slipway.core.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a compose file demands with {@code ${NAME:?message}} (set and not empty) or
 * {@code ${NAME?message}} (set): Compose refuses to start without them, so Slipway asks before it
 * writes anything. {@code $${…}} is a literal dollar, not a reference.
 */
public final class RequiredVariables {
    private static final Pattern REQUIRED = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?)\\?");

    private RequiredVariables() {}

    /** Name → whether an empty value is refused too ({@code :?}), in the order the file names them. */
    public static Map<String, Boolean> in(String composeText) {
        var found = new LinkedHashMap<String, Boolean>();
        Matcher m = REQUIRED.matcher(composeText);
        while (m.find()) {
            found.merge(m.group(1), !m.group(2).isEmpty(), Boolean::logicalOr);
        }
        return found;
    }

    /** The required names {@code env} does not fill. */
    public static List<String> missing(String composeText, Map<String, String> env) {
        var missing = new ArrayList<String>();
        in(composeText).forEach((name, nonEmpty) -> {
            String value = env.get(name);
            if (value == null || (nonEmpty && value.isBlank())) missing.add(name);
        });
        return missing;
    }
}
