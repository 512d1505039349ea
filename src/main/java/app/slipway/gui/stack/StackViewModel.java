package app.slipway.gui.stack;

import app.slipway.core.Connection;
import app.slipway.core.policy.PolicyFile;
import app.slipway.core.policy.UpdatePolicy;
import app.slipway.gui.version.VersionCatalog;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.stack.ServiceRow;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.host.Target;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stack page: which directory on the target, and what is in it — an installed product with its
 * version and services (the upgrade path), or nothing yet (the install path).
 */
public final class StackViewModel {
    /** What the page found in the directory. */
    public enum Found { NOTHING_YET, STACK, NO_STACK }

    public final StringProperty directory = new SimpleStringProperty("");
    /** Empty: detect the product from the images; else a built-in name or a profile file path. */
    public final StringProperty profileChoice = new SimpleStringProperty("");
    public final ObjectProperty<Found> found = new SimpleObjectProperty<>(Found.NOTHING_YET);
    public final ObjectProperty<StackState> stack = new SimpleObjectProperty<>();
    public final ObservableList<ServiceRow> services = FXCollections.observableArrayList();
    /** "Fixture 1.0.0 (pinned in .env as FIXTURE_VERSION)" and similar. */
    public final StringProperty summary = new SimpleStringProperty("");
    /** The product to install when the directory holds no stack. */
    public final StringProperty installProfile = new SimpleStringProperty("");
    public final ObservableList<String> builtInProfiles = FXCollections.observableArrayList(ProfileLoader.BUILT_IN_NAMES);
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** What {@code slipway check} says of the stack found: "Update available: 2.1.0 …", "Up to date", or "". */
    public final StringProperty updateNote = new SimpleStringProperty("");
    /** True when the note is about an update the stack's policy allows. */
    public final BooleanProperty updateAvailable = new SimpleBooleanProperty();
    /** The stack's update policy as last read ({@code DIR/.slipway/policy.yml}, else the default). */
    public final ObjectProperty<UpdatePolicy> policy = new SimpleObjectProperty<>(UpdatePolicy.DEFAULT);
    public final StringProperty error = new SimpleStringProperty("");

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private final ProfileLoader profiles;
    private final VersionCatalog catalog;
    /** Where what the page saw is remembered for the recent-targets list; null: nowhere (tests). */
    private final app.slipway.gui.connect.StackStates seen;

    public StackViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator, ProfileLoader profiles) {
        this(session, executor, navigator, profiles, null);
    }

    /** @param catalog where releases are looked up for the page's update note; null: no note */
    public StackViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator, ProfileLoader profiles,
                          VersionCatalog catalog) {
        this(session, executor, navigator, profiles, catalog, null);
    }

    public StackViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator, ProfileLoader profiles,
                          VersionCatalog catalog, app.slipway.gui.connect.StackStates seen) {
        this.seen = seen;
        this.catalog = catalog;
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        this.profiles = profiles;
        directory.set(session.directory.get());
        // A different directory or product is a different question: ask it again.
        directory.addListener((obs, old, now) -> reset());
        profileChoice.addListener((obs, old, now) -> reset());
    }

    private void reset() {
        found.set(Found.NOTHING_YET);
        error.set("");
        updateNote.set("");
        updateAvailable.set(false);
    }

    /**
     * The stack's update note, as {@code slipway check} would answer (its policy, the target's
     * logins), looked up beside the page; a release source that cannot be read says so in the note.
     */
    private void checkForUpdates(Connection connection, StackState s) {
        updateNote.set("");
        updateAvailable.set(false);
        if (catalog == null || s.currentVersion().isEmpty()) return;
        String dir = s.files().directory();
        executor.run("check for updates", () -> {
            UpdatePolicy read = PolicyFile.read(connection.target(), dir);
            executor.onUiThread(() -> policy.set(read));
            return catalog.check(s.profile(), s.currentVersion().get(), read, connection.logins());
        }, result -> {
            if (stack.get() != s) return; // another stack was read meanwhile
            updateAvailable.set(result.updateAvailable());
            updateNote.set(UpdateNote.of(result));
            remember(connection, s, result.newestAllowed().map(r -> "update " + r.tag() + " available").orElse("up to date"));
        }, failure -> {
            if (stack.get() == s) updateNote.set("Updates could not be checked: " + ErrorText.of(failure));
            remember(connection, s, null);
        });
    }

    /** "Fixture 2.0.0 in /srv/app · update v2.1.0 available", for the recent-targets list. */
    private void remember(Connection connection, StackState s, String update) {
        if (seen == null) return;
        String text = s.profile().name() + " " + s.currentVersion().orElse("?") + " in " + s.files().directory()
                + (update == null ? "" : " · " + update);
        String target = connection.target().describe();
        String dir = s.files().directory();
        executor.run("remember the stack's state", () -> {
            seen.remember(new app.slipway.gui.connect.StackStates.Seen(target, dir, text, java.time.Instant.now()));
            return true;
        }, done -> { }, failure -> { });
    }

    /** Whether the main button can be used: a directory typed, nothing running. */
    public BooleanBinding canLook() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !directory.get().isBlank(), busy, directory);
    }

    /** Looks into the directory on the target: a stack to upgrade, or room for an install. */
    public void look() {
        Connection connection = session.connection.get();
        String dir = directory.get().strip();
        String profileArg = profileChoice.get() == null ? "" : profileChoice.get().strip();
        busy.set(true);
        error.set("");
        executor.run("inspect-stack", () -> inspect(connection, dir, profileArg), state -> {
            busy.set(false);
            session.directory.set(dir);
            if (state.isEmpty()) {
                stack.set(null);
                services.clear();
                summary.set(describeEmpty(connection.target(), dir));
                found.set(Found.NO_STACK);
                return;
            }
            StackState s = state.get();
            stack.set(s);
            services.setAll(ServiceRow.of(s));
            summary.set(describe(s));
            found.set(Found.STACK);
            checkForUpdates(connection, s);
        }, failure -> {
            busy.set(false);
            found.set(Found.NOTHING_YET);
            error.set(ErrorText.of(failure));
        });
    }

    /** Empty when DIR holds no compose file: the install path. */
    private static Optional<StackState> inspect(Connection connection, String dir, String profileArg) {
        Target target = connection.target();
        String absolute = target.absolute(dir);
        boolean hasCompose = StackFilesReader.COMPOSE_FILE_NAMES.stream()
                .anyMatch(name -> target.stat(absolute + "/" + name).map(f -> !f.directory()).orElse(false));
        if (!hasCompose) {
            if (target.stat(absolute).map(f -> !f.directory()).orElse(false)) {
                throw SlipwayException.badInput(absolute + " on " + target.describe() + " is a file, not a directory.");
            }
            return Optional.empty();
        }
        return Optional.of(StackInspector.inspect(connection, absolute,
                profileArg.isEmpty() ? Optional.empty() : Optional.of(profileArg)));
    }

    private static String describeEmpty(Target target, String dir) {
        boolean exists = target.stat(target.absolute(dir)).isPresent();
        return exists ? dir + " holds no stack yet." : dir + " does not exist yet; an install creates it.";
    }

    static String describe(StackState s) {
        String pinned = s.pinnedVersion().map(v -> v + " (pinned in .env as " + s.profile().versionVariable() + ")")
                .orElse("not pinned");
        String running = s.runningVersion().map(v -> "running " + v)
                .orElse(s.containers().isEmpty() ? "nothing running" : "running a mix of versions");
        return s.profile().name() + " · " + pinned + " · " + running;
    }

    /** Writes the stack's policy (the policy editor), then checks again under it. */
    public void savePolicy(UpdatePolicy edited) {
        Connection connection = session.connection.get();
        StackState s = stack.get();
        if (s == null || connection == null || busy.get()) return;
        busy.set(true);
        error.set("");
        executor.run("write the update policy", () -> {
            PolicyFile.write(connection.target(), s.files().directory(), edited);
            return edited;
        }, written -> {
            busy.set(false);
            policy.set(written);
            checkForUpdates(connection, s);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** Upgrade the stack found: on to the Version page. */
    public void upgrade() {
        StackState s = stack.get();
        if (s == null) return;
        session.mode.set(WizardSession.Mode.UPGRADE);
        session.stack.set(s);
        session.profile.set(s.profile());
        session.version.set(null);
        navigator.goTo(Navigator.Step.VERSION);
    }

    /** Install the chosen product into the (empty) directory: on to the Version page. */
    public void install() {
        String choice = installProfile.get() == null ? "" : installProfile.get().strip();
        if (choice.isEmpty()) {
            error.set("Choose the product to install: " + String.join(", ", ProfileLoader.BUILT_IN_NAMES)
                    + ", or a profile file.");
            return;
        }
        Profile product;
        try {
            product = profiles.load(choice);
            product.requireInstall();
        } catch (SlipwayException e) {
            error.set(e.getMessage());
            return;
        }
        session.mode.set(WizardSession.Mode.INSTALL);
        session.stack.set(null);
        session.profile.set(product);
        session.version.set(null);
        navigator.goTo(Navigator.Step.VERSION);
    }

    /** Where the page's actions go next (the Backups tab's rollback goes to the Run page). */
    Navigator navigator() {
        return navigator;
    }

    public List<String> builtIns() {
        return List.copyOf(builtInProfiles);
    }
}
