package app.slipway.core.stack;

import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.Profile;
import java.util.List;
import java.util.Optional;

/**
 * What Slipway knows of one installed stack (README §How an upgrade works step 2): its files, Compose's model of them,
 * the product's profile, the containers the engine runs for it, and the versions pinned and running.
 */
public record StackState(StackFiles files, ComposeCommands compose, ComposeModel model, String project,
                         String projectSource, Profile profile, List<ServiceContainer> containers,
                         Optional<String> pinnedVersion, Optional<String> runningVersion) {

    /** The version the stack is on: the pin, else what the lockstep images run. */
    public Optional<String> currentVersion() {
        return pinnedVersion.or(() -> runningVersion);
    }

    /** The same stack read under another profile (a fleet's secondary node backs up no database). */
    public StackState withProfile(Profile other) {
        return new StackState(files, compose, model, project, projectSource, other, containers, pinnedVersion, runningVersion);
    }

    /** What to back up of this stack, in the mode it runs in (its .env and services decide). */
    public app.slipway.core.profile.BackupSpec backupSpec() {
        return profile.backup().forStack(files.env().values(), model.serviceNames());
    }

    public List<ServiceContainer> containersOf(String service) {
        return containers.stream().filter(c -> service.equals(c.service())).toList();
    }
}
