package app.slipway.gui.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupSummary;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.events.RunListener;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.e2e.FixtureStack;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Stack page's Backups and History against a real fixture stack with a real backup and a history line. */
class BackupsViewModelTest {
    private static FixtureStack stack;
    private static Connection connection;
    private static StackState state;
    private static Backup backup;

    private final WizardSession session = new WizardSession();
    private final List<Navigator.Step> visited = new ArrayList<>();
    private final BackupsViewModel model = new BackupsViewModel(session, new DirectExecutor(), visited::add);
    @TempDir Path here;

    @BeforeAll
    static void startStack() {
        Testbed tb = Testbed.require();
        stack = FixtureStack.start("compose.yml", tb.currentVersion());
        String dir = stack.directory().toString();
        connection = Connection.open(new LocalTarget());
        Profile profile = new ProfileLoader().load(tb.fixtureProfile().toString());
        state = StackInspector.inspect(connection, dir, Optional.of(profile.source()));
        backup = new BackupWriter().write(connection, state, tb.currentVersion(), tb.nextVersion(), RunListener.IGNORE);
        History.append(connection.target(), dir, new HistoryEntry("me@here", "2026-11-30T10:00:00Z", "upgrade",
                tb.currentVersion(), tb.nextVersion(), HistoryEntry.ROLLED_BACK, backup.id(), 4200, "It failed and was undone."));
    }

    @AfterAll
    static void stopStack() {
        if (connection != null) connection.close();
        if (stack != null) stack.close();
    }

    private BackupSummary shown() {
        session.connection.set(connection);
        model.load(state);
        assertEquals("", model.error.get());
        assertEquals(1, model.backups.size(), model.backups.toString());
        return model.backups.get(0);
    }

    @Test
    void theStacksBackupsAndRunsAreListed() {
        BackupSummary b = shown();
        assertEquals(backup.id(), b.id());
        assertEquals("upgrade", b.kind());
        assertEquals(1, model.history.size());
        assertEquals(HistoryEntry.ROLLED_BACK, model.history.get(0).result());
        assertFalse(model.busy.get());
    }

    @Test
    void aRestoreDrillRunsAndItsResultIsListed() {
        BackupSummary b = shown();
        model.verify(b);
        assertEquals("", model.error.get());
        assertTrue(model.status.get().toLowerCase().contains("pass") || model.status.get().contains("match"),
                model.status.get());
        assertEquals("passed", model.backups.get(0).drill().orElseThrow().word(), "read again after the drill");
    }

    @Test
    void aCopyArrivesOnThisComputerChecked() throws Exception {
        BackupSummary b = shown();
        model.download(b, here);
        assertEquals("", model.error.get());
        assertTrue(Files.isRegularFile(here.resolve(b.id()).resolve("manifest.json")), model.status.get());
        assertTrue(model.status.get().contains("every file matching"), model.status.get());
    }

    @Test
    void rollingBackToABackupAsksFirstThenHandsTheRunOver() {
        BackupSummary b = shown();
        List<String> asked = new ArrayList<>();
        model.rollBackTo(b, false, question -> {
            asked.add(question);
            return false;
        });
        assertEquals(1, asked.size());
        assertNull(session.job.get(), "declined: nothing handed over");
        assertTrue(visited.isEmpty());

        model.rollBackTo(b, false, question -> true);
        assertNotNull(session.job.get());
        assertEquals(List.of(Navigator.Step.RUN), visited);
    }
}
