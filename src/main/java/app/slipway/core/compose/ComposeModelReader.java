package app.slipway.core.compose;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;

/** Asks Compose on the target for the resolved model of a stack. */
public final class ComposeModelReader {
    private ComposeModelReader() {}

    public static ComposeModel read(Target target, ComposeCommands compose) {
        ExecResult result = target.exec(compose.config());
        if (!result.ok()) {
            throw SlipwayException.badInput("Compose cannot read the stack: " + firstLine(result.stderr()));
        }
        return ComposeModel.parse(result.stdout());
    }

    static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
    }
}
