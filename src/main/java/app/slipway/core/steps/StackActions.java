package app.slipway.core.steps;

import app.slipway.core.Connection;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.events.LoggedCommands;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.host.Command;
import app.slipway.core.host.Target;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.RunContext;
import app.slipway.core.run.UnhealthyStack;
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
        verify(connection, run, project, compose, profile, envPath, Map.of());
    }

    /**
     * As {@link #verify(Connection, RunContext, String, ComposeCommands, Profile, String)}, and each
     * service of {@code expectedImages} must run that image: a healthy stack on an old image is no
     * upgrade.
     */
    public static void verify(Connection connection, RunContext run, String project, ComposeCommands compose,
                              Profile profile, String envPath, Map<String, String> expectedImages) {
        verify(connection, run, project, new FilesInForce(connection.target(), compose, envPath), profile, expectedImages);
    }

    /** As above, with the files' read perhaps already started beside the restart ({@link FilesInForce#readAhead()}). */
    public static void verify(Connection connection, RunContext run, String project, FilesInForce files,
                              Profile profile, Map<String, String> expectedImages) {
        FilesInForce.Read read = files.read();
        Map<String, String> env = read.env();
        ComposeModel model = read.model();
        VerifyResult verified = new StackVerifier().verify(connection, project, model, profile, env, run.listener());
        if (!verified.healthy()) {
            throw new UnhealthyStack("the stack is not healthy: " + verified.summary(), verified.logs());
        }
        var wrong = new java.util.ArrayList<String>();
        for (ServiceContainer c : connection.engine().containersOf(project)) {
            String expected = expectedImages.get(c.service());
            if (expected == null || c.oneOff() || sameImage(expected, c.image())) continue;
            wrong.add(c.service() + " runs " + c.image() + " instead of " + expected);
        }
        if (!wrong.isEmpty()) {
            throw new UnhealthyStack("not every service runs the new version: " + String.join("; ", wrong), Map.of());
        }
    }

    private static boolean sameImage(String a, String b) {
        if (a.equals(b)) return true;
        var x = ImageRef.tryParse(a);
        var y = ImageRef.tryParse(b);
        return x.isPresent() && y.isPresent() && x.get().repositoryWithRegistry().equals(y.get().repositoryWithRegistry())
                && x.get().tag().equals(y.get().tag());
    }
}
