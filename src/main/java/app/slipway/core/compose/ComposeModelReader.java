package app.slipway.core.compose;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;

/** Asks Compose on the target for the resolved model of a stack. */
public final class ComposeModelReader {
    private ComposeModelReader() {}

    /** @param env the stack's .env values: its {@code COMPOSE_PROFILES} say which services are in the stack */
    public static ComposeModel read(Target target, ComposeCommands compose, java.util.Map<String, String> env) {
        ExecResult result = target.exec(compose.config());
        if (!result.ok()) {
            throw SlipwayException.badInput("Compose cannot read the stack: " + firstLine(result.stderr()));
        }
        return ComposeModel.parse(result.stdout(), ComposeModel.activeProfiles(env));
    }

    static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
    }
}
