package app.slipway.core.install;

import app.slipway.core.SlipwayException;
import app.slipway.core.stack.EnvFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --set KEY=VALUE} options of {@code install}: checked before anything connects. */
public final class SetValues {
    private SetValues() {}

    /**
     * Parses every {@code KEY=VALUE} in order (a later one for the same key wins). The key must be
     * a valid .env key and the value one line; otherwise bad input (exit 2). Values are never
     * repeated in messages: they may be secrets.
     */
    public static Map<String, String> parse(List<String> options) {
        var values = new LinkedHashMap<String, String>();
        if (options == null) return values;
        for (String option : options) {
            int eq = option == null ? -1 : option.indexOf('=');
            if (eq <= 0) {
                String shown = option == null ? "" : option.length() > 40 ? option.substring(0, 40) + "…" : option;
                throw SlipwayException.badInput("--set takes KEY=VALUE (for example --set PORT=3000), not '"
                        + shown.replaceAll("\\p{Cntrl}", "?") + "'; nothing was changed.");
            }
            String key = option.substring(0, eq);
            String value = option.substring(eq + 1);
            // EnvFile.set checks the key and the value exactly as a write to .env would.
            EnvFile.parse("").set(key, value);
            values.remove(key);
            values.put(key, value);
        }
        return values;
    }
}
