package app.slipway.gui.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.releases.FakeGitHub;
import app.slipway.core.stack.StackState;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Version page's state against a local GitHub stand-in and the testbed's real registry and stacks. */
class VersionViewModelTest {
    @TempDir static Path stackDir;
    private static StackState installedOneZero; // inspected once: reading a real stack takes Compose seconds
    @TempDir Path dir;
    private FakeGitHub github;
    private final WizardSession session = new WizardSession();
    private final VersionTestbed.RecordingNavigator navigator = new VersionTestbed.RecordingNavigator();

    @BeforeAll
    static void inspectStack() throws Exception {
        installedOneZero = VersionTestbed.stackAt(stackDir, Testbed.require().fixtureProfile(), "1.0.0");
    }

    @BeforeEach
    void start() throws Exception {
        github = VersionTestbed.standardReleases(false);
    }

    @AfterEach
    void stop() {
        github.close();
        session.close();
    }

    private VersionViewModel model() {
        return new VersionViewModel(session, new DirectExecutor(), navigator,
                VersionCatalog.standard(Optional.of(dir.resolve("cache"))));
    }

    /** The upgrade path: a stack pinned at 1.0.0, its profile reading releases from {@code api}. */
    private VersionViewModel upgradeFromOneZero(URI api) throws Exception {
        Path profile = VersionTestbed.profileFile(dir.resolve("profile"), Optional.of(api));
        session.mode.set(WizardSession.Mode.UPGRADE);
        session.stack.set(installedOneZero);
        session.profile.set(VersionTestbed.profile(profile));
        VersionViewModel model = model();
        model.load();
        return model;
    }

    private VersionViewModel install(URI api) throws Exception {
        session.mode.set(WizardSession.Mode.INSTALL);
        session.profile.set(VersionTestbed.profile(VersionTestbed.profileFile(dir.resolve("profile"), Optional.of(api))));
        VersionViewModel model = model();
        model.load();
        return model;
    }

    private static VersionEntry entry(VersionViewModel model, String tag) {
        return model.versions().stream().filter(e -> e.tag().equals(tag)).findFirst().orElseThrow();
    }

    @Test
    void listIsNewestStableFirstWithTheInstalledVersionMarkedAndOnlyNewerOnesChoosable() throws Exception {
        VersionViewModel model = upgradeFromOneZero(github.api());

        assertEquals("", model.errorProperty().get());
        assertFalse(model.busyProperty().get());
        assertEquals(List.of("v3.0.0", "v2.1.0", "v2.0.0", "v1.0.0"), model.versions().stream().map(VersionEntry::tag).toList());
        assertEquals(List.of("3.0.0", "2.1.0", "2.0.0", "1.0.0"), model.versions().stream().map(VersionEntry::imageTag).toList(),
                "pinned as the registry spells the tags");
        assertEquals(List.of(true, false, false, false), model.versions().stream().map(VersionEntry::latest).toList());
        assertEquals(List.of(false, false, false, true), model.versions().stream().map(VersionEntry::current).toList());
        assertEquals(List.of(true, true, true, false), model.versions().stream().map(VersionEntry::upgradable).toList());
        assertTrue(model.notices().stream().anyMatch(n -> n.startsWith("Not offered because their images are missing")
                && n.contains("v2.2.0") && n.contains("v3.1.0-rc.1")), model.notices().toString());
        assertTrue(model.introProperty().get().startsWith("Fixture 1.0.0 is installed."), model.introProperty().get());

        // The default: the newest stable version above the installed one, with the breaking changes on the way.
        assertEquals("v3.0.0", model.selectedProperty().get().tag());
        assertEquals("3.0.0", model.chosenProperty().get());
        assertEquals("3.0.0", session.version.get());
        assertFalse(model.continueDisabled().get());
        assertEquals("Breaking changes in v3.0.0: feat!: new storage layout.\n"
                + "Breaking changes in v2.0.0: Postgres 16 is required.", model.breakingTextProperty().get());
    }

    @Test
    void notesCoverEveryReleaseAfterTheInstalledOneUpToTheChosenOneWithRawHtmlEscaped() throws Exception {
        VersionViewModel model = upgradeFromOneZero(github.api());

        model.selectedProperty().set(entry(model, "v2.1.0"));

        String html = model.notesHtmlProperty().get();
        assertTrue(html.contains("Release notes for Fixture: after 1.0.0 up to v2.1.0"), html);
        assertTrue(html.contains("Workers now default to 4."), html);
        assertTrue(html.contains("Postgres 16 is required"), html);
        assertTrue(html.contains("&lt;script&gt;alert"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("First release"), "the installed version's own notes are not news: " + html);
        assertFalse(html.contains("Only on GitHub"), "2.2.0 is newer than the chosen version: " + html);
        assertEquals(List.of("v2.0.0"), model.breaking().stream().map(c -> c.release().tag()).toList());
        assertEquals("Breaking changes in v2.0.0: Postgres 16 is required.", model.breakingTextProperty().get());
        assertEquals("2.1.0", session.version.get());

        model.continueToPlan();
        assertEquals(List.of(Navigator.Step.PLAN), navigator.steps);
    }

    @Test
    void theInstalledVersionAndOlderOnesCannotBeChosen() throws Exception {
        VersionViewModel model = upgradeFromOneZero(github.api());

        model.selectedProperty().set(entry(model, "v1.0.0"));
        assertEquals("v1.0.0 is the installed version: choose a newer one to upgrade to.", model.problemProperty().get());
        assertNull(model.chosenProperty().get());
        assertNull(session.version.get());
        assertTrue(model.continueDisabled().get());
        assertTrue(model.notesHtmlProperty().get().contains("First release"), "its own notes can still be read");

        model.typedProperty().set("0.9.0");
        assertNull(model.selectedProperty().get(), "typing takes over from the list");
        assertTrue(model.problemProperty().get().startsWith("0.9.0 is not newer than the installed 1.0.0"),
                model.problemProperty().get());
        assertTrue(model.continueDisabled().get());
        model.continueToPlan();
        assertEquals(List.of(), navigator.steps);
    }

    @Test
    void installOffersEveryVersionWithTheChosenReleasesOwnNotes() throws Exception {
        VersionViewModel model = install(github.api());

        assertTrue(model.versions().stream().allMatch(VersionEntry::upgradable));
        assertTrue(model.versions().stream().noneMatch(VersionEntry::current));
        assertEquals("v3.0.0", model.selectedProperty().get().tag());
        String html = model.notesHtmlProperty().get();
        assertTrue(html.contains("new storage layout"), html);
        assertFalse(html.contains("Workers now default to 4."), "an install is not an upgrade from 2.1.0: " + html);
        assertEquals("", model.breakingTextProperty().get(), "nothing breaks for a fresh install");
        assertTrue(model.introProperty().get().startsWith("Choose the version of Fixture to install."));
    }

    @Test
    void prereleasesComeAfterTheStableVersionsAndAreNotTheDefault() throws Exception {
        github.close();
        github = VersionTestbed.standardReleases(true);
        VersionViewModel model = install(github.api());

        assertEquals(List.of("v2.1.0", "v2.0.0", "v1.0.0", "v3.0.0"), model.versions().stream().map(VersionEntry::tag).toList());
        assertEquals(List.of(false, false, false, true), model.versions().stream().map(VersionEntry::prerelease).toList());
        assertTrue(entry(model, "v2.1.0").latest());
        assertEquals("2.1.0", model.chosenProperty().get());
    }

    @Test
    void withoutGitHubATypedVersionStillLeadsOnAndThePageSaysWhy() throws Exception {
        VersionViewModel model = upgradeFromOneZero(URI.create("http://127.0.0.1:1"));

        assertTrue(model.versions().isEmpty());
        String error = model.errorProperty().get();
        assertTrue(error.startsWith("The version list cannot be shown. GitHub is unreachable at http://127.0.0.1:1"), error);
        assertTrue(error.endsWith("You can still type the version to upgrade to below."), error);
        assertTrue(model.continueDisabled().get());

        model.typedProperty().set("2.1.0");

        assertEquals("", model.problemProperty().get());
        assertEquals("2.1.0", model.chosenProperty().get());
        assertFalse(model.continueDisabled().get());
        model.continueToPlan();
        assertEquals("2.1.0", session.version.get());
        assertEquals(List.of(Navigator.Step.PLAN), navigator.steps);
    }

    @Test
    void anInvalidTypedVersionIsOneSentenceAndBlocksContinue() throws Exception {
        VersionViewModel model = upgradeFromOneZero(github.api());

        model.typedProperty().set("2.1.0; rm -rf /");

        assertEquals("Version '2.1.0; rm -rf /' may only contain letters, digits, '.', '_' and '-' (at most 128).",
                model.problemProperty().get());
        assertNull(model.chosenProperty().get());
        assertNull(session.version.get());
        assertTrue(model.continueDisabled().get());
        assertEquals("", model.notesHtmlProperty().get());

        model.typedProperty().set("v2.0.0");
        assertEquals("2.0.0", model.chosenProperty().get(), "a listed version is pinned as the registry spells it");
        assertTrue(model.notesHtmlProperty().get().contains("Postgres 16 is required"));
    }

    @Test
    void offlineTheCachedReleasesAreListedWithANotice() throws Exception {
        VersionViewModel first = install(github.api());
        assertEquals(4, first.versions().size());
        github.close();

        VersionViewModel offline = model();
        offline.load();

        assertEquals("", offline.errorProperty().get());
        assertEquals(4, offline.versions().size());
        assertTrue(offline.notices().stream().anyMatch(n -> n.startsWith("GitHub is unreachable; showing releases cached on ")),
                offline.notices().toString());
    }

    @Test
    void aUsedUpRateLimitIsTheReasonShown() throws Exception {
        github.mode = FakeGitHub.Mode.RATE_LIMITED;
        VersionViewModel model = install(github.api());

        assertTrue(model.versions().isEmpty());
        assertTrue(model.errorProperty().get().contains("GitHub's API rate limit is used up until "), model.errorProperty().get());
        assertTrue(model.errorProperty().get().endsWith("You can still type the version to install below."));
    }

    @Test
    void aProfileWithoutReleasesOffersTheRegistrysTagsAndSaysSo() throws Exception {
        session.mode.set(WizardSession.Mode.INSTALL);
        session.profile.set(VersionTestbed.profile(VersionTestbed.profileFile(dir.resolve("profile"), Optional.empty())));
        VersionViewModel model = model();
        model.load();

        assertEquals("", model.errorProperty().get());
        assertTrue(model.versions().stream().anyMatch(v -> v.imageTag().equals(Testbed.require().currentVersion())),
                "the registry's tags are the versions: " + model.versions());
        assertTrue(model.notices().stream().anyMatch(n -> n.contains("publishes no release notes")), model.notices().toString());
        model.typedProperty().set("3.0.0");
        assertFalse(model.continueDisabled().get());
    }

    @Test
    void comingBackKeepsTheChoiceAndDoesNotReload() throws Exception {
        VersionViewModel model = upgradeFromOneZero(github.api());
        model.selectedProperty().set(entry(model, "v2.0.0"));
        int requests = github.releaseRequests().size();

        model.load();
        assertEquals(requests, github.releaseRequests().size(), "same stack, same list");
        model.reload();

        assertEquals("v2.0.0", model.selectedProperty().get().tag());
        assertEquals("2.0.0", session.version.get());
    }
}
