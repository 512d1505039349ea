package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.check.CheckResult;
import app.slipway.core.check.UpdateCheck;
import app.slipway.core.policy.PolicyFile;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.core.releases.RegistryTags;
import app.slipway.core.releases.ReleaseCatalog;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What {@code check} and {@code auto} share: the stack read as {@code status} reads it, with its
 * policy; then the check against the releases, with the target's registry logins.
 */
record StackCheck(StackState state, String directory, UpdatePolicy policy) {

    static StackCheck read(Connection connection, StackOptions stack) {
        StackState state = StackInspector.inspect(connection, stack.directory, stack.profile());
        String directory = state.files().directory();
        return new StackCheck(state, directory, PolicyFile.read(connection.target(), directory));
    }

    CheckResult check(Connection connection, Optional<Path> cacheDir) {
        String current = state.currentVersion().orElseThrow(() -> SlipwayException.refused("Slipway cannot tell which version"
                + " the stack in " + directory + " is on (" + state.profile().versionVariable() + " is not in .env and no"
                + " product container runs): pin the version in .env, then check again."));
        return new UpdateCheck(ReleaseCatalog.standard(cacheDir), RegistryTags.standard(connection.logins())::tags,
                Clock.systemUTC()).check(state.profile(), current, policy);
    }
}
