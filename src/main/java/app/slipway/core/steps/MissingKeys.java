package app.slipway.core.steps;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.List;

/**
 * A compose file requires {@code .env} keys that nothing fills: bad input (exit 2) naming them,
 * and the names themselves so the wizard can ask for each.
 */
public final class MissingKeys extends SlipwayException {
    private final List<String> keys;

    public MissingKeys(String whose, List<String> keys, String thatIs) {
        super(ExitCode.BAD_INPUT, "The compose file of " + whose + " requires " + String.join(", ", keys) + ", which "
                + thatIs + ": give " + (keys.size() == 1 ? "it" : "each") + " with --set " + keys.get(0)
                + "=VALUE; nothing was changed.");
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
