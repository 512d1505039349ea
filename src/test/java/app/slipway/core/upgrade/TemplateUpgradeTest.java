package app.slipway.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunEvent;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.host.ExecResult;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.run.StepKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades of a product whose compose file belongs to a release ({@code {version}} in install.compose). */
class TemplateUpgradeTest {
    private static final String PROFILE = """
            name: App
            version_variable: APP_VERSION
            images: [127.0.0.1:5555/acme/app]
            health: {url: "http://127.0.0.1:${PORT:-3000}/up", timeout: 1s}
            renames: {worker: job}
            install:
              compose: "templates/{version}/compose.yml"
              env: {PORT: "3000", REGION: eu}
              secrets: {APP_SECRET_KEY: hex16, SESSION_SECRET: hex32}
            """;
    /** 2.0.0's template: job instead of worker, a pull-only runner image, a new secret and a licence Compose requires. */
    private static final String TEMPLATE_2 = """
            # App 2.0.0
            services:
              migrate:
                image: 127.0.0.1:5555/acme/app:${APP_VERSION:-2.0.0}
                restart: "no"
              runner-pull:
                image: 127.0.0.1:5555/acme/app-runner:${APP_VERSION:-2.0.0}
                restart: "no"
              web:
                image: 127.0.0.1:5555/acme/app:${APP_VERSION:-2.0.0}
                restart: unless-stopped
                environment:
                  SESSION_SECRET: ${SESSION_SECRET:?Set SESSION_SECRET in .env}
                  LICENSE: ${LICENSE:?Set LICENSE in .env}
              job:
                image: 127.0.0.1:5555/acme/app:${APP_VERSION:-2.0.0}
                restart: unless-stopped
              debug:
                image: 127.0.0.1:5555/acme/app-debug:${APP_VERSION:-2.0.0}
                profiles: [debug]
            """;
    @TempDir Path temp;

    private FakeStack stack() {
        var stack = new FakeStack(temp, PROFILE, Map.of("templates/2.0.0/compose.yml", TEMPLATE_2,
                "templates/1.0.0/compose.yml", FakeStack.COMPOSE));
        stack.engine.publishes("127.0.0.1:5555/acme/app-runner", "2.0.0");
        return stack;
    }

    private static Plan plan(FakeStack stack, Map<String, String> sets) {
        return UpgradePlanner.plan(stack.connection, stack.read(),
                new UpgradeOptions("2.0.0", true, false, false, sets, false), Optional.empty(), new SecureRandom());
    }

    @Test
    void aKeyTheNewTemplateRequiresAndNothingFillsIsAskedForByName() {
        var stack = stack();
        var e = assertThrows(SlipwayException.class, () -> plan(stack, Map.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("The compose file of App 2.0.0 requires LICENSE, which .env does not set: give it with"
                + " --set LICENSE=VALUE; nothing was changed.", e.getMessage());
    }

    @Test
    void thePlanShowsTheNewFileTheNewKeysAndEveryImageToPull() {
        Plan plan = plan(stack(), Map.of("LICENSE", "lic-123"));
        PlanStep compose = plan.step(StepKind.COMPOSE);
        assertTrue(compose.details().get(0).startsWith("Write the compose file of 2.0.0 ("), compose.details().get(0));
        assertTrue(compose.details().contains("+  job:"), compose.details().toString());
        assertTrue(compose.details().contains("-  worker:   # renamed to job in 2.x"), compose.details().toString());
        List<String> pin = plan.step(StepKind.PIN).details();
        assertTrue(pin.contains("Add PORT, REGION, LICENSE (the new version needs them; values shown nowhere)."), pin.toString());
        assertTrue(pin.contains("Generate SESSION_SECRET: missing secrets; one that is set is never rotated."), pin.toString());
        List<String> preflight = plan.step(StepKind.PREFLIGHT).details();
        assertTrue(preflight.contains("Pull 127.0.0.1:5555/acme/app:2.0.0 while 1.0.0 keeps serving; a missing tag stops here."));
        assertTrue(preflight.contains("Pull 127.0.0.1:5555/acme/app-runner:2.0.0 while 1.0.0 keeps serving; a missing tag stops here."),
                "the pull-only service's image is pulled too: " + preflight);
        assertFalse(preflight.toString().contains("app-debug"), "a switched-off profile's image is not pulled");
        assertFalse(plan.toString().contains("lic-123"), "a --set value is never shown");
    }

    @Test
    void theUpgradeWritesTheTemplateKeepsEveryValueAndSecretAndAddsOnlyWhatIsMissing() {
        var stack = stack();
        List<RunEvent> events = new ArrayList<>();
        RunResult result = new Runner(stack.host, plan(stack, Map.of("LICENSE", "lic-123")), events::add).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        assertEquals(TEMPLATE_2, stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow());
        String env = stack.host.text(FakeStack.DIR + "/.env").orElseThrow();
        assertTrue(env.startsWith("# app settings\nAPP_VERSION=2.0.0\nAPP_SECRET_KEY=" + FakeStack.SECRET + "\n"),
                "existing values and their bytes kept, the secret never rotated:\n" + env);
        assertTrue(env.contains("\nLICENSE=lic-123\n") && env.contains("\nPORT=3000\n") && env.contains("\nREGION=eu\n"), env);
        String session = env.lines().filter(l -> l.startsWith("SESSION_SECRET=")).findFirst().orElseThrow().substring(15);
        assertEquals(64, session.length());
        for (RunEvent e : events) {
            assertFalse(e.toString().contains(session) || e.toString().contains("lic-123"), e.toString());
        }
        assertEquals(List.of("127.0.0.1:5555/acme/app:2.0.0", "127.0.0.1:5555/acme/app-runner:2.0.0"), stack.engine.pulls());
        assertEquals(List.of("c-app-worker after 10 s"), stack.engine.removed(),
                "the legacy consumer is stopped (Compose's grace) and removed before the new file starts job");
    }

    @Test
    void aMissingImageOfAPullOnlyServiceIsRefusedBeforeAnyChange() {
        var stack = new FakeStack(temp, PROFILE, Map.of("templates/2.0.0/compose.yml", TEMPLATE_2));
        var before = stack.host.snapshotOfFiles();
        RunResult result = new Runner(stack.host, plan(stack, Map.of("LICENSE", "x")), e -> {}).run();
        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("Image 127.0.0.1:5555/acme/app-runner:2.0.0 does not exist in the registry: check the version.",
                result.message());
        assertEquals(before, stack.host.snapshotOfFiles());
    }

    @Test
    void aHealthyStackStillOnTheOldImageIsNoSuccess() {
        var stack = stack();
        // `up` that leaves every container on 1.0.0 (a pin Compose did not see, an image re-tagged by hand…)
        boolean[] once = {false};
        stack.onCommand(c -> {
            if (!c.argv().contains("up") || once[0]) return null;
            once[0] = true;
            stack.engine.replaceContainers("app", List.of("migrate", "runner-pull", "web", "job"),
                    FakeStack.IMAGE + ":1.0.0", false, java.util.Set.of("migrate", "runner-pull"));
            return new ExecResult(0, "", "");
        });
        RunResult result = new Runner(stack.host, plan(stack, Map.of("LICENSE", "x")), e -> {}).run();
        assertEquals(ExitCode.ROLLED_BACK, result.exitCode(), result.message());
        assertTrue(result.message().contains("web runs 127.0.0.1:5555/acme/app:1.0.0 instead of 127.0.0.1:5555/acme/app:2.0.0"),
                result.message());
        assertEquals(FakeStack.COMPOSE, stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow());
    }
}
