package app.slipway.core.stack;

import app.slipway.core.Background;
import app.slipway.core.Connection;
import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeCommands;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.compose.ComposeModelReader;
import app.slipway.core.compose.ProjectName;
import app.slipway.core.compose.ServiceModel;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileDetector;
import app.slipway.core.profile.ProfileLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads one installed stack over a connection (README §How an upgrade works step 2); changes nothing. */
public final class StackInspector {
    private StackInspector() {}

    /** @param profileArg a built-in name or profile path; empty to detect it from the images. */
    public static StackState inspect(Connection connection, String directory, Optional<String> profileArg) {
        StackFiles files = StackFilesReader.read(connection.target(), directory);
        StackProject located = StackProject.locate(connection.target(), connection.engine(), files);
        String project = located.name();
        var compose = new ComposeCommands(connection.compose(), files.directory(), files.composeFiles(), project);
        // Compose's model (a process on the target) and the engine's containers do not need each other.
        Background<ComposeModel> reading = Background.start("compose-config",
                () -> ComposeModelReader.read(connection.target(), compose, files.env().values()));
        List<ServiceContainer> containers;
        try {
            containers = connection.engine().containersOf(project);
        } catch (RuntimeException e) {
            reading.join(); // Compose's complaint about the files, if any, still comes first
            throw e;
        }
        ComposeModel model = reading.join();
        Profile profile = profileArg.map(new ProfileLoader()::load)
                .orElseGet(() -> detect(model, containers));
        Optional<String> pinned = files.env().get(profile.versionVariable()).filter(v -> !v.isBlank());
        Optional<String> running = runningVersion(profile, containers);
        if (pinned.isPresent() && running.isPresent() && !pinned.equals(running)
                && !connection.engine().imageExistsLocally(profile.images().get(0) + ":" + pinned.get())) {
            // A pin that names no image here (a release name where the registry has the bare tag, a typo):
            // what runs is the truth; the plan says why.
            pinned = Optional.empty();
        }
        return new StackState(files, compose, model, project, located.source(), profile, containers, pinned, running);
    }

    private static Profile detect(ComposeModel model, List<ServiceContainer> containers) {
        var images = new ArrayList<String>();
        model.services().values().stream().map(ServiceModel::image).filter(Objects::nonNull).forEach(images::add);
        containers.stream().map(ServiceContainer::image).filter(Objects::nonNull).forEach(images::add);
        return ProfileDetector.withBuiltIns(new ProfileLoader()).detect(images).orElseThrow(() -> SlipwayException.badInput(
                "Slipway cannot tell which product this stack is from its images: pass --profile "
                        + "(strata, appstrate or a path to a profile file)."));
    }

    /** The tag the product's lockstep images run with, when the running containers agree on one. */
    static Optional<String> runningVersion(Profile profile, List<ServiceContainer> containers) {
        List<String> tags = containers.stream()
                .filter(ServiceContainer::isRunning)
                .flatMap(c -> ImageRef.tryParse(c.image()).stream())
                .filter(profile::ownsImage)
                .flatMap(ref -> ref.tag().stream())
                .distinct()
                .toList();
        return tags.size() == 1 ? Optional.of(tags.get(0)) : Optional.empty();
    }
}
