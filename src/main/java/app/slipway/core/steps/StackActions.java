package app.slipway.core.steps;

import app.slipway.core.Connection;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.RunContext;
import app.slipway.core.run.UnhealthyStack;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.verify.StackVerifier;
import app.slipway.core.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The actions a Compose stack's plans share: run a step's commands, write a file the planner
 * already composed, verify what the files on disk now describe. Upgrade, install and rollback
 * steps are built from these, so a command or a check is written once.
 */
public final class StackActions {
    private StackActions() {}

    /** Runs each command in order; the first that fails stops the step with what it said last. */
    public static void runAll(Target host, RunContext run, List<Command> commands, String source) {
        var logged = new LoggedCommands(host, SecretRedactor.NONE, run.listener(), source);
        for (Command command : commands) {
            logged.require(command);
        }
    }

    /**
     * Writes {@code after} in place of the bytes the planner read ({@code before}), atomically and
     * keeping the file's mode; refuses to overwrite a file someone changed since it was read
     * ({@code before} null: the file did not exist and is created with {@code newMode}).
     */
    public static void replaceFile(Target host, String path, String before, String after, int newMode) {
        boolean exists = host.stat(path).isPresent();
        String now = exists ? new String(host.readFile(path), StandardCharsets.UTF_8) : null;
        if (before == null ? exists : !before.equals(now)) {
            throw new IllegalStateException(path + " changed since it was read: plan again");
        }
        host.writeFileAtomically(path, after.getBytes(StandardCharsets.UTF_8), exists ? null : newMode);
    }

    /**
     * Verifies the stack as its files on disk now describe it (the new version, or the restored old
     * one): Compose's model read again, the health URL from the .env in force.
     *
     * @throws UnhealthyStack with the findings and the failing services' last log lines
     */
    public static void verify(Connection connection, RunContext run, String project, ComposeCommands compose,
                              Profile profile, String envPath) {
        Target host = connection.target();
        Map<String, String> env = host.stat(envPath).isPresent()
                ? EnvFile.parse(new String(host.readFile(envPath), StandardCharsets.UTF_8)).values()
                : Map.of();
        ComposeModel model = ComposeModelReader.read(host, compose, env);
        VerifyResult verified = new StackVerifier().verify(connection, project, model, profile, env, run.listener());
        if (!verified.healthy()) {
            throw new UnhealthyStack("the stack is not healthy: " + verified.summary(), verified.logs());
        }
    }
}
