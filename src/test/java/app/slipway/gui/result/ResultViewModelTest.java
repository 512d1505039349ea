package app.slipway.gui.result;

import app.slipway.core.run.RunKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupWriter;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.profile.Profile;
import app.slipway.core.profile.ProfileLoader;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.RunResult;
import app.slipway.core.stack.StackInspector;
import app.slipway.core.host.LocalTarget;
import app.slipway.e2e.FixtureStack;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.result.ResultViewModel.PrimaryAction;
import app.slipway.gui.run.RunViewModel;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Result page's state against a real fixture stack (2.0.0) with a real backup in it. */
class ResultViewModelTest {
    private static FixtureStack stack;
    private static Connection connection;
    private static Profile profile;
    private static Backup backup;
    private static String dir;

    private final WizardSession session = new WizardSession();
    private final List<Navigator.Step> visited = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final ResultViewModel model = new ResultViewModel(session, new DirectExecutor(), visited::add, opened::add);

    @BeforeAll
    static void startStack() {
        Testbed tb = Testbed.require();
        stack = FixtureStack.start("compose.yml", tb.currentVersion());
        dir = stack.directory().toString();
        connection = Connection.open(new LocalTarget());
        profile = new ProfileLoader().load(tb.fixtureProfile().toString());
        var state = StackInspector.inspect(connection, dir, Optional.of(profile.source()));
        // as an upgrade to 2.1.0 would have taken it before changing anything
        backup = new BackupWriter().write(connection, state, tb.currentVersion(), tb.nextVersion(), RunListener.IGNORE);
    }

    @AfterAll
    static void stopStack() {
        if (connection != null) connection.close();
        if (stack != null) stack.close();
    }

    private void show(RunKind kind, RunResult result, Cancellation cancellation) {
        session.connection.set(connection);
        session.profile.set(profile);
        session.directory.set(dir);
        session.job.set(new RunJob("a run", kind, List.of(), l -> result, cancellation));
        session.result.set(result);
        model.entered();
    }

    private static RunResult result(ExitCode code, String backupId, Map<String, List<String>> logs) {
        return new RunResult(RunKind.UPGRADE, "2.0.0", "2.1.0", code, "What happened, in one sentence.", backupId,
                Optional.empty(), List.of(), logs,
                Duration.ofSeconds(30));
    }

    private String expectedUrl() {
        return "http://127.0.0.1:" + stack.port() + "/";
    }

    @Test
    void headlineRollbackOfferAndMainActionForEveryExitCode() {
        record Row(RunKind kind, ExitCode code, String backupId, String headline, boolean rollback,
                   PrimaryAction primary, String label) {}
        String id = backup.id();
        var table = List.of(
                new Row(RunKind.UPGRADE, ExitCode.DONE, id, "Upgraded to 2.1.0 and healthy", true, PrimaryAction.OPEN, "Open Fixture"),
                new Row(RunKind.INSTALL, ExitCode.DONE, null, "Installed Fixture 2.1.0, running and healthy", false, PrimaryAction.OPEN, "Open Fixture"),
                new Row(RunKind.ROLLBACK, ExitCode.DONE, id, "Rolled back to 2.1.0 and healthy", false, PrimaryAction.OPEN, "Open Fixture"),
                new Row(RunKind.UPGRADE, ExitCode.ROLLED_BACK, id, "The upgrade failed and was rolled back", false, PrimaryAction.START_OVER, "Start over"),
                new Row(RunKind.UPGRADE, ExitCode.ROLLBACK_FAILED, id, "Rollback failed: the stack needs you", true, PrimaryAction.ROLL_BACK, "Roll back"),
                new Row(RunKind.ROLLBACK, ExitCode.ROLLBACK_FAILED, id, "Rollback failed: the stack needs you", true, PrimaryAction.ROLL_BACK, "Roll back"),
                new Row(RunKind.UPGRADE, ExitCode.REFUSED, null, "Refused before any change", false, PrimaryAction.START_OVER, "Start over"),
                new Row(RunKind.UPGRADE, ExitCode.BAD_INPUT, null, "Stopped before any change", false, PrimaryAction.START_OVER, "Start over"),
                new Row(RunKind.UPGRADE, ExitCode.INTERNAL, null, "Something went wrong inside Slipway", false, PrimaryAction.START_OVER, "Start over"));
        var label = model.primaryLabel();
        for (Row row : table) {
            show(row.kind(), result(row.code(), row.backupId(), Map.of()), new Cancellation());
            String what = row.kind() + " " + row.code();
            assertEquals(row.headline(), model.headlineProperty().get(), what);
            assertEquals("What happened, in one sentence.", model.messageProperty().get(), what);
            assertEquals(row.rollback(), model.rollbackOfferedProperty().get(), what);
            assertEquals(row.primary(), model.primaryActionProperty().get(), what);
            assertEquals(row.label(), label.get(), what);
            assertEquals(expectedUrl(), model.urlProperty().get(), what + ": the address follows the stack's .env");
            assertEquals(row.backupId() == null ? "" : dir + "/backups/" + row.backupId(),
                    model.backupLocationProperty().get(), what);
        }
    }

    @Test
    void opensTheProductsRootAddressNotItsHealthProbe() {
        show(RunKind.UPGRADE, result(ExitCode.DONE, backup.id(), Map.of()), new Cancellation());

        assertFalse(model.primaryDisabled().get());
        model.primary(question -> true);

        assertEquals(List.of(expectedUrl()), opened);
        assertEquals("", model.urlNoteProperty().get(), "a local stack needs no advice to be reached");
        assertEquals("Roll back to 2.0.0", model.rollbackLabelProperty().get());
        assertTrue(model.restoreDatabaseOfferedProperty().get());
    }

    @Test
    void showsTheFailingServicesLogs() {
        var logs = new java.util.LinkedHashMap<String, List<String>>();
        logs.put("web", List.of("listening on 127.0.0.1", "panic: cannot migrate"));
        logs.put("job", List.of("waiting for web"));
        show(RunKind.UPGRADE, result(ExitCode.ROLLED_BACK, backup.id(), logs), new Cancellation());

        assertEquals(List.of(new ServiceLog("web", List.of("listening on 127.0.0.1", "panic: cannot migrate")),
                new ServiceLog("job", List.of("waiting for web"))), model.logs());
    }

    @Test
    void aCancelledRunSaysSo() {
        var cancellation = new Cancellation();
        cancellation.request();
        show(RunKind.UPGRADE, result(ExitCode.REFUSED, null, Map.of()), cancellation);

        assertEquals("Cancelled before any change", model.headlineProperty().get());
    }

    @Test
    void withoutAReadableStackTheAddressIsUnknownAndStartOverLeads() {
        session.connection.set(connection);
        session.profile.set(profile);
        session.directory.set(dir + "/no-such-dir");
        var done = result(ExitCode.DONE, null, Map.of());
        session.job.set(new RunJob("a run", RunKind.INSTALL, List.of(), l -> done, new Cancellation()));
        session.result.set(done);

        model.entered();

        assertEquals("", model.urlProperty().get());
        assertTrue(model.urlNoteProperty().get().startsWith("The address is unknown: The directory "),
                model.urlNoteProperty().get());
        assertEquals(PrimaryAction.START_OVER, model.primaryActionProperty().get());
        model.primary(question -> true);
        assertEquals(List.of(Navigator.Step.STACK), visited);
    }

    @Test
    void rollbackAsksFirstAndChangesNothingWhenTheUserSaysNo() {
        show(RunKind.UPGRADE, result(ExitCode.DONE, backup.id(), Map.of()), new Cancellation());
        RunJob before = session.job.get();
        List<String> asked = new ArrayList<>();

        model.rollBack(question -> {
            asked.add(question);
            return false;
        });

        assertEquals(List.of("Roll Fixture in " + dir + " back to 2.0.0 from backup " + backup.id() + "?"), asked);
        assertSame(before, session.job.get());
        assertEquals(List.of(), visited);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aRollbackThatCannotBePreparedSaysWhyInOneSentence() {
        show(RunKind.UPGRADE, result(ExitCode.ROLLBACK_FAILED, "20990101T000000Z-9-to-9", Map.of()), new Cancellation());

        model.primary(question -> true);

        assertTrue(model.errorProperty().get().contains("20990101T000000Z-9-to-9"), model.errorProperty().get());
        assertEquals(List.of(), visited);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void rollbackAfterASuccessfulUpgradeRunsOnTheRunPageAndComesBackRolledBack() {
        show(RunKind.UPGRADE, result(ExitCode.DONE, backup.id(), Map.of()), new Cancellation());
        RunJob upgrade = session.job.get();

        model.rollBack(question -> true);

        RunJob rollback = session.job.get();
        assertNotSame(upgrade, rollback);
        assertEquals(RunKind.ROLLBACK, rollback.kind());
        assertEquals("Roll back Fixture 2.0.0 → 2.0.0", rollback.title());
        assertEquals(List.of(StepKind.PREFLIGHT, StepKind.RESTORE_FILES, StepKind.RESTART, StepKind.VERIFY, StepKind.RECORD),
                rollback.steps().stream().map(PlanStep::kind).toList());
        assertFalse(rollback.cancellation().isPossible(), "a rollback cannot stop half-way: no Cancel");
        assertEquals(List.of(Navigator.Step.RUN), visited);

        // the Run page runs it for real
        new RunViewModel(session, new DirectExecutor(), visited::add).entered();

        assertEquals(ExitCode.DONE, session.result.get().exitCode(), session.result.get().message());
        assertEquals(List.of(Navigator.Step.RUN, Navigator.Step.RESULT), visited);
        model.entered();
        assertEquals("Rolled back to 2.0.0 and healthy", model.headlineProperty().get());
        assertFalse(model.rollbackOfferedProperty().get());
        assertEquals(expectedUrl(), model.urlProperty().get());
        stack.httpGet("/up");
    }
}
