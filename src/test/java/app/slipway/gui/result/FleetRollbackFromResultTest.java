package app.slipway.gui.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.events.Cancellation;
import app.slipway.core.fleet.FleetFile;
import app.slipway.core.fleet.FleetStacks;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.RunResult;
import app.slipway.core.events.RunListener;
import app.slipway.core.fleet.FleetPlanner;
import app.slipway.core.fleet.FleetRun;
import app.slipway.core.upgrade.UpgradeOptions;
import app.slipway.gui.fleet.ServerEvents;
import app.slipway.fleet.FleetStack;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.run.RunViewModel;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Result page after a rolling upgrade of two servers (the fleet testbed's): its Roll back reads
 * the servers again and returns both to the backups that upgrade took, the primary last, on the Run page.
 */
class FleetRollbackFromResultTest {
    private final WizardSession session = new WizardSession();
    private final List<Navigator.Step> visited = new ArrayList<>();
    private final ResultViewModel model = new ResultViewModel(session, new DirectExecutor(), visited::add, url -> {});

    @Test
    void rollBackReturnsEveryServerToTheLastFleetUpgradesBackupsThePrimaryLast() throws Exception {
        try (FleetStack stack = new FleetStack(2, "2.0.0", Map.of(), Map.of())) {
            // the upgrade as the wizard's Plan page runs it, and the session as it leaves it
            var stacks = FleetStacks.open(FleetFile.read(stack.fleetFile));
            var plan = FleetPlanner.plan(stacks, UpgradeOptions.planOnly("2.1.0", false));
            RunResult done = ServerEvents.result(RunKind.UPGRADE, plan.from(), plan.to(),
                    new FleetRun(plan, server -> RunListener.IGNORE).run());
            assertEquals(ExitCode.DONE, done.exitCode(), done.message());
            var primary = stacks.node(stacks.fleet().primary());
            session.fleet.set(stacks);
            session.stack.set(primary.stack());
            session.connection.set(primary.connection());
            session.profile.set(primary.stack().profile());
            session.directory.set(primary.stack().files().directory());
            session.job.set(new RunJob("Rolling upgrade", RunKind.UPGRADE, List.of(), l -> done, new Cancellation()));
            session.result.set(done);
            model.entered();
            assertTrue(model.rollbackOfferedProperty().get(), "several servers can go back from here too");
            assertTrue(model.restoreDatabaseOfferedProperty().get());
            assertTrue(model.restoreDatabaseLabelProperty().get().contains("on the primary"),
                    model.restoreDatabaseLabelProperty().get());

            var asked = new ArrayList<String>();
            model.rollBack(question -> asked.add(question));
            assertEquals(List.of("Roll 2 servers back to 2.0.0, web-2, then web-1?"), asked);
            RunJob rollback = session.job.get();
            assertEquals(RunKind.ROLLBACK, rollback.kind());
            assertFalse(rollback.cancellation().isPossible());
            assertEquals("web-2", rollback.groupOf(rollback.steps().get(0)));
            assertEquals("web-1", rollback.groupOf(rollback.steps().get(rollback.steps().size() - 1)));
            assertEquals(List.of(Navigator.Step.RUN), visited);

            new RunViewModel(session, new DirectExecutor(), visited::add).entered();

            assertEquals(ExitCode.DONE, session.result.get().exitCode(), session.result.get().message());
            assertEquals("2.0.0", stack.up(1));
            assertEquals("2.0.0", stack.up(2));
            model.entered();
            assertEquals("Rolled back to 2.0.0 and healthy", model.headlineProperty().get());
            assertFalse(model.rollbackOfferedProperty().get());
        } finally {
            session.close();
        }
    }
}
