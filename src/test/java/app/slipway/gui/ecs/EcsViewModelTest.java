package app.slipway.gui.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.ExitCode;
import app.slipway.core.ecs.EcsConnection;
import app.slipway.core.run.RunKind;
import app.slipway.e2e.CliRun;
import app.slipway.ecs.EcsStandIn;
import app.slipway.ecs.StandInAws;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.run.RunViewModel;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECS Services page after an upgrade this computer ran: it offers the way back, asks once, and the
 * Run page returns both services to the revisions they ran before (the simulated stand-in, the real SDK).
 */
class EcsViewModelTest {
    @TempDir Path dir;

    @Test
    void theServicesPageReturnsToTheRevisionsBeforeTheLastUpgrade() throws Exception {
        var testbed = Testbed.require();
        String web = null;
        String job = null;
        for (String tag : List.of("1.4.1", "1.4.2")) { // the plan asks the registry for the new tag
            web = testbed.registryCopy("acme/server", tag);
            job = testbed.registryCopy("acme/worker", tag);
        }
        Path profile = dir.resolve("acme.yml");
        Files.writeString(profile, "name: Acme\nversion_variable: ACME_VERSION\nimages: [" + web + ", " + job + "]\n"
                + "health: {url: \"http://127.0.0.1:3000/up\", timeout: 10s}\n");
        var session = new WizardSession();
        try (var standIn = new EcsStandIn()) {
            StandInAws.use(standIn);
            String c = "vm-" + UUID.randomUUID().toString().substring(0, 8);
            standIn.service(c, "web", c + "-web", Map.of("web", web + ":1.4.1"));
            standIn.service(c, "job", c + "-job", Map.of("job", job + ":1.4.1"));
            CliRun upgrade = CliRun.of("ecs", "upgrade", "--cluster", c, "--services", "web,job", "--region", "eu-west-1",
                    "--profile", profile.toString(), "--to", "1.4.2", "--yes", "--poll-every", "100ms");
            assertEquals(0, upgrade.exitCode(), upgrade.toString());

            session.ecs.set(EcsConnection.open(Optional.of("eu-west-1"), Optional.empty(), c, List.of("web", "job"),
                    Optional.of(profile.toString()), Optional.empty()));
            var visited = new ArrayList<Navigator.Step>();
            var vm = new EcsViewModel(session, visited::add, new DirectExecutor());
            vm.load();
            assertEquals("Return web, job to 1.4.1 (the revisions before the last upgrade)…", vm.wayBack.get());

            var asked = new ArrayList<String>();
            vm.rollBack(question -> !asked.add(question)); // no: nothing happens
            assertEquals(List.of(), visited);
            vm.rollBack(asked::add);
            assertEquals(List.of("Return web, job to the revisions they ran before (Acme 1.4.1)?",
                    "Return web, job to the revisions they ran before (Acme 1.4.1)?"), asked);
            assertEquals(RunKind.ROLLBACK, session.job.get().kind());
            assertEquals(List.of(Navigator.Step.RUN), visited);

            new RunViewModel(session, new DirectExecutor(), visited::add).entered();

            assertEquals(ExitCode.DONE, session.result.get().exitCode(), session.result.get().message());
            assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
            assertEquals(c + "-job:1", revision(standIn.taskDefinitionOf(c, "job")));
        } finally {
            session.close();
            StandInAws.forget();
        }
    }

    private static String revision(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
