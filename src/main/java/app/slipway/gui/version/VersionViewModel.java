package app.slipway.gui.version;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.Profile;
import app.slipway.core.releases.BreakingChanges;
import app.slipway.core.releases.NotesRenderer;
import app.slipway.core.releases.Release;
import app.slipway.core.releases.ReleaseFeed;
import app.slipway.core.releases.ReleaseNotes;
import app.slipway.core.releases.Version;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackState;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Version page's state (README §The wizard): the versions one may install or upgrade to, the release notes
 * from the current version to the chosen one, their breaking changes, and why anything is missing.
 * A version comes from the list or is typed (when the list cannot be loaded, typing is the way on);
 * the chosen one becomes {@code session.version}.
 */
public final class VersionViewModel {
    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private final VersionCatalog catalog;

    private final ObservableList<VersionEntry> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper(this, "chosen");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notesHtml = new ReadOnlyStringWrapper(this, "notesHtml", "");
    private final ReadOnlyStringWrapper notesPlaceholder = new ReadOnlyStringWrapper(this, "notesPlaceholder", "");
    private final ObservableList<BreakingChanges.Change> breaking = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper breakingText = new ReadOnlyStringWrapper(this, "breakingText", "");
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding continueDisabled;

    private ReleaseFeed feed; // the last feed loaded; null when none could be
    private Profile profile;
    private Optional<Version> current = Optional.empty();
    private Object loadedFor; // what the list was loaded for: reload only when it changes
    private int generation; // a newer load makes the answer of an older one stale
    private boolean adjusting; // selecting clears the typed text and typing clears the selection: not in a loop

    public VersionViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator, VersionCatalog catalog) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        this.catalog = catalog;
        continueDisabled = Bindings.createBooleanBinding(() -> busy.get() || chosen.get() == null, busy, chosen);
        selected.addListener((obs, old, now) -> {
            if (adjusting) return;
            if (now != null) clearing(() -> typed.set(""));
            choose();
        });
        typed.addListener((obs, old, now) -> {
            if (adjusting) return;
            if (now != null && !now.isBlank()) clearing(() -> selected.set(null));
            choose();
        });
    }

    /** The app's catalog: GitHub, the real registry, the user's cache. */
    public static VersionViewModel standard(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        return new VersionViewModel(session, executor, navigator, VersionCatalog.standard(Optional.empty()));
    }

    /**
     * Loads the list when the page is entered: again only when the product, mode or installed
     * version changed since, or the last load failed.
     */
    public void load() {
        if (context().equals(loadedFor) && (busy.get() || error.get().isEmpty())) return;
        load(false);
    }

    /** Loads the list again, keeping the choice when it is still there (the Reload button). */
    public void reload() {
        load(true);
    }

    private void load(boolean keepChoice) {
        boolean sameContext = context().equals(loadedFor);
        String previous = keepChoice || sameContext ? session.version.get() : null;
        profile = session.profile.get();
        loadedFor = context();
        Optional<String> installed = installedVersion();
        current = installed.flatMap(Version::tryParse);
        int ticket = ++generation;
        clear();
        intro.set(introText(installed));
        if (profile == null) {
            error.set("No product is chosen yet: go back and choose the stack or the product first.");
            return;
        }
        Profile loading = profile;
        // The connected target's logins (the ones its pulls use); this computer's when there is none (ECS).
        var connection = session.connection.get();
        busy.set(true);
        executor.run("load versions", () -> connection == null ? catalog.load(loading)
                        : catalog.load(loading, connection.logins()),
                loaded -> {
                    if (ticket != generation) return;
                    busy.set(false);
                    show(loaded, previous);
                },
                failure -> {
                    if (ticket != generation) return;
                    busy.set(false);
                    error.set("The version list cannot be shown. " + ErrorText.of(failure)
                            + " You can still type the version to " + verb() + " below.");
                    restoreTyped(previous);
                });
    }

    /** What the list depends on. */
    private Object context() {
        return java.util.Arrays.asList(session.profile.get(), session.mode.get(), installedVersion());
    }

    private void clear() {
        feed = null;
        clearing(() -> {
            selected.set(null);
            typed.set("");
        });
        versions.clear();
        notices.clear();
        error.set("");
        choose();
    }

    private void show(VersionCatalog.Loaded loaded, String previous) {
        feed = loaded.feed();
        versions.setAll(VersionList.of(loaded.available(), loaded.tagsPerImage(), current));
        notices.setAll(loaded.available().notices());
        if (versions.isEmpty()) {
            notices.add("No version of " + profile.name() + " is available from its releases: type the version to "
                    + verb() + " below.");
        } else if (VersionList.defaultChoice(versions).isEmpty() && current.isPresent()
                && versions.stream().noneMatch(VersionEntry::upgradable)) {
            notices.add(profile.name() + " " + current.get() + " is the newest version offered: there is nothing newer to upgrade to.");
        }
        Optional<VersionEntry> again = Optional.ofNullable(previous)
                .flatMap(v -> versions.stream().filter(e -> e.imageTag().equals(v) && e.upgradable()).findFirst());
        if (previous != null && again.isEmpty()) {
            restoreTyped(previous); // typed before, coming back from the next page
        } else {
            again.or(() -> VersionList.defaultChoice(versions)).ifPresent(selected::set);
        }
    }

    private void restoreTyped(String previous) {
        if (previous != null && !previous.isBlank()) typed.set(previous);
    }

    /** Works out the choice from the selection or the typed text, and the notes that go with it. */
    private void choose() {
        String text = typed.get() == null ? "" : typed.get().strip();
        VersionEntry entry = selected.get();
        String version = null;
        String why = "";
        Optional<Version> notesFor = Optional.empty();
        String placeholder = "";
        if (!text.isEmpty()) {
            Optional<Version> parsed = Version.tryParse(text);
            Optional<VersionEntry> listed = parsed.flatMap(v -> VersionList.find(versions, v));
            try {
                EnvFile.requireValidVersion(text);
                if (listed.isPresent() && !listed.get().upgradable()) {
                    why = notUpgradable(listed.get());
                } else if (parsed.isPresent() && current.isPresent() && parsed.get().compareTo(current.get()) <= 0) {
                    why = notNewer(text);
                } else {
                    version = listed.map(VersionEntry::imageTag).orElse(text);
                }
            } catch (SlipwayException e) {
                why = sentence(e.getMessage());
            }
            boolean hasNotes = feed != null && parsed.flatMap(v -> VersionList.release(feed.releases(), v)).isPresent();
            if (why.isEmpty() && hasNotes) notesFor = parsed;
            else if (why.isEmpty() && feed != null) placeholder = "No release notes are published for " + text + ".";
        } else if (entry != null) {
            if (entry.upgradable()) {
                version = entry.imageTag();
            } else {
                why = notUpgradable(entry);
            }
            notesFor = Optional.of(entry.release().version());
        } else if (feed != null && !versions.isEmpty()) {
            placeholder = "Choose a version to see its release notes.";
        }
        showNotes(notesFor, entry != null && !entry.upgradable());
        if (notesHtml.get().isEmpty() && notesPlaceholder.get().isEmpty()) notesPlaceholder.set(placeholder);
        problem.set(why);
        chosen.set(version);
        session.version.set(version);
    }

    /** The notes from the current version to {@code to}; for a version that cannot be chosen, its own notes only. */
    private void showNotes(Optional<Version> to, boolean onlyItself) {
        notesHtml.set("");
        notesPlaceholder.set("");
        breaking.clear();
        breakingText.set("");
        if (to.isEmpty() || feed == null) return;
        try {
            ReleaseNotes notes;
            if (current.isPresent() && !onlyItself && session.mode.get() == WizardSession.Mode.UPGRADE) {
                notes = ReleaseNotes.select(feed, current, to.get());
            } else {
                // A fresh install (or an older version, read for reference) has no range to cover: its own notes.
                Release release = VersionList.release(feed.releases(), to.get()).orElseThrow();
                boolean upgrade = session.mode.get() == WizardSession.Mode.UPGRADE && !onlyItself;
                notes = new ReleaseNotes(Optional.empty(), to.get(), List.of(release),
                        upgrade ? BreakingChanges.in(List.of(release)) : List.of(), feed.notice().stream().toList());
            }
            breaking.setAll(notes.breaking());
            breakingText.set(BreakingBanner.text(notes.breaking()));
            // The banner above the notes lists the breaking changes; the page need not repeat them.
            ReleaseNotes shown = new ReleaseNotes(notes.from(), notes.to(), notes.releases(), List.of(), notes.notices());
            notesHtml.set(notes.releases().isEmpty() ? "" : NotesRenderer.html(shown, profile.name()));
            if (notes.releases().isEmpty()) notesPlaceholder.set("No release notes are published for " + to.get() + ".");
        } catch (SlipwayException e) {
            notesPlaceholder.set(e.getMessage());
        }
    }

    /** Continue: on to the plan with the chosen version. */
    public void continueToPlan() {
        if (continueDisabled.get()) return;
        session.version.set(chosen.get());
        navigator.goTo(Navigator.Step.PLAN);
    }

    private Optional<String> installedVersion() {
        if (session.mode.get() != WizardSession.Mode.UPGRADE) return Optional.empty();
        var ecs = session.ecs.get();
        if (ecs != null) return Optional.of(ecs.stack().version()).filter(v -> !v.equals("unknown"));
        StackState stack = session.stack.get();
        return stack == null ? Optional.empty() : stack.currentVersion();
    }

    private String introText(Optional<String> installed) {
        if (profile == null) return "";
        String which = profile.localImages() ? "Versions built on this computer, newest stable first."
                : "Versions whose images are in the registry, newest stable first.";
        return installed.map(v -> profile.name() + " " + v + " is installed. Choose the version to upgrade to. " + which)
                .orElse("Choose the version of " + profile.name() + " to " + verb() + ". " + which);
    }

    private String verb() {
        return session.mode.get() == WizardSession.Mode.INSTALL ? "install" : "upgrade to";
    }

    private String notUpgradable(VersionEntry entry) {
        return entry.current()
                ? entry.tag() + " is the installed version: choose a newer one to upgrade to."
                : notNewer(entry.tag());
    }

    private String notNewer(String version) {
        return version + " is not newer than the installed " + current.map(Version::text).orElse("version")
                + ": Slipway upgrades forward only (Rollback returns to a backup), so choose a newer version.";
    }

    /** Core messages are lower-case clauses for the CLI; the page shows them as sentences. */
    private static String sentence(String message) {
        String s = Objects.requireNonNullElse(message, "").strip();
        if (s.isEmpty()) return s;
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.matches(".*[.!?]$") ? s : s + ".";
    }

    private void clearing(Runnable change) {
        adjusting = true;
        try {
            change.run();
        } finally {
            adjusting = false;
        }
    }

    public ObservableList<VersionEntry> versions() { return versions; }
    /** The row chosen in the list; null when none (or when a version is typed). */
    public ObjectProperty<VersionEntry> selectedProperty() { return selected; }
    /** A version typed by hand; takes over from the list while not blank. */
    public StringProperty typedProperty() { return typed; }
    /** The image tag Continue will use; null while nothing valid is chosen. */
    public ReadOnlyStringProperty chosenProperty() { return chosen.getReadOnlyProperty(); }
    /** Why the current choice cannot be used (one sentence), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The release notes as a whole HTML page (raw HTML of the bodies escaped), or empty. */
    public ReadOnlyStringProperty notesHtmlProperty() { return notesHtml.getReadOnlyProperty(); }
    /** What the notes area says when there are no notes to show, or empty. */
    public ReadOnlyStringProperty notesPlaceholderProperty() { return notesPlaceholder.getReadOnlyProperty(); }
    public ObservableList<BreakingChanges.Change> breaking() { return breaking; }
    /** The breaking-changes banner, one line per release, or empty. */
    public ReadOnlyStringProperty breakingTextProperty() { return breakingText.getReadOnlyProperty(); }
    /** What the user should know about the list: cached data, hidden versions, an unchecked registry. */
    public ObservableList<String> notices() { return notices; }
    /** Why there is no list (no releases source, GitHub unreachable, rate limit), or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** One line under the page title: what is installed and what the list holds. */
    public ReadOnlyStringProperty introProperty() { return intro.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanBinding continueDisabled() { return continueDisabled; }
}
