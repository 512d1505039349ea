package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.events.RunEvent;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.e2e.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell's conventions: a failure said once (CliRun checks that on every run), a JSON document
 * for every failing --json command, progress that fits where it is shown, completion and man pages.
 */
class CliConventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MISSING = "/tmp/slipway-no-such-stack-" + ProcessHandle.current().pid();

    @Test
    void aParameterErrorIsOneSentenceOnStderr() {
        CliRun run = CliRun.of("upgrade", "--dir", MISSING);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.toString());
        assertTrue(run.err().startsWith("Missing required option: '--to=VERSION'. Run 'slipway upgrade --help'"), run.err());
    }

    @Test
    void aParameterErrorWithJsonIsAJsonDocument() throws Exception {
        CliRun run = CliRun.of("upgrade", "--dir", MISSING, "--json");
        assertEquals(2, run.exitCode(), run.toString());
        JsonNode document = JSON.readTree(run.out());
        assertEquals("upgrade", document.get("kind").asText());
        assertEquals("bad-input", document.get("result").asText());
        assertEquals(2, document.get("exitCode").asInt());
        assertTrue(document.get("message").asText().startsWith("Missing required option"), run.out());
        assertEquals("", run.err(), "the sentence is the document's message, said once");
    }

    @Test
    void badInputTheCommandFindsWithJsonIsAJsonDocument() throws Exception {
        CliRun run = CliRun.of("backup", "--dir", MISSING, "--to", "/tmp", "--json");
        assertEquals(2, run.exitCode(), run.toString());
        JsonNode document = JSON.readTree(run.out());
        assertEquals("backup", document.get("kind").asText());
        assertEquals("--to goes with --download ID: the folder a downloaded backup goes into.", document.get("message").asText());
    }

    @Test
    void aRefusalBeforeTheRunWithJsonIsAJsonDocumentWithoutAKindWhenTheCommandIsNoRun() throws Exception {
        CliRun run = CliRun.of("history", "--dir", MISSING, "--json");
        assertTrue(run.exitCode() == 2 || run.exitCode() == 3, run.toString());
        JsonNode document = JSON.readTree(run.out());
        assertFalse(document.has("kind"), run.out());
        assertEquals(run.exitCode(), document.get("exitCode").asInt());
        assertTrue(document.get("message").asText().contains(MISSING), run.out());
    }

    @Test
    void aRefusalBeforeTheRunIsItsSentenceOnceOnStderr() {
        CliRun run = CliRun.of("history", "--dir", MISSING);
        assertTrue(run.exitCode() == 2 || run.exitCode() == 3, run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains(MISSING), run.err());
    }

    @Test
    void aFailedStepSaysHowLongAndLeavesTheSentenceToTheEnd() {
        var text = new StringWriter();
        var printer = new EventPrinter(new PrintWriter(text), 9);
        PlanStep preflight = new PlanStep(3, StepKind.PREFLIGHT, "Preflight", List.of(), List.of(), false, false, run -> {});
        PlanStep connect = new PlanStep(1, StepKind.CONNECT, "Connect", List.of(), List.of(), false, false,
                app.slipway.core.run.StepAction.NOTHING);
        printer.on(new RunEvent.StepStarted(connect));
        printer.on(new RunEvent.StepFinished(connect, Duration.ofMillis(3)));
        printer.on(new RunEvent.StepStarted(preflight));
        printer.on(new RunEvent.StepFailed(preflight, "Image x does not exist in the registry: check the version.",
                Duration.ofMillis(300)));
        assertEquals("[1/9] Connect\n      done\n[3/9] Preflight\n      FAILED after 0.3 s\n", text.toString());
    }

    @Test
    void progressIsLiveOnlyOnATerminalThatIsNotDumbNorCi() {
        assertTrue(Display.of(false, false, true, Map.of("TERM", "xterm", "COLUMNS", "120")).live());
        assertEquals(120, Display.of(false, false, true, Map.of("TERM", "xterm", "COLUMNS", "120")).width());
        assertFalse(Display.of(false, false, false, Map.of("TERM", "xterm")).live(), "piped");
        assertFalse(Display.of(false, false, true, Map.of("TERM", "dumb")).live());
        assertFalse(Display.of(false, false, true, Map.of("TERM", "xterm", "CI", "true")).live());
        assertTrue(Display.of(false, false, true, Map.of("TERM", "xterm", "COLUMNS", "80")).colour());
        assertFalse(Display.of(false, false, true, Map.of("TERM", "xterm", "COLUMNS", "80", "NO_COLOR", "1")).colour());
        assertFalse(Display.of(false, true, true, Map.of("TERM", "xterm", "COLUMNS", "80")).colour(), "--no-color");
    }

    @Test
    void quietAndNoColorAreTakenByEveryCommand() {
        var cli = SlipwayCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cli.parseArgs("upgrade", "--dir", "/x", "--to", "1.0.0", "--quiet", "--no-color");
        var upgrade = cli.getSubcommands().get("upgrade").getCommandSpec();
        assertTrue(Display.of(upgrade).quiet(), "--quiet after the subcommand reaches it");
        assertFalse(Display.of(upgrade).colour());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void completionNamesTheSubcommands(String shell) {
        CliRun run = CliRun.of("completion", shell);
        assertEquals(0, run.exitCode(), run.toString());
        for (String command : List.of("status", "upgrade", "rollback", "fleet", "completion")) {
            assertTrue(run.out().contains(command), shell + " completion names " + command);
        }
        assertTrue(run.out().contains(shell.equals("fish") ? "-l dir" : "--dir"), "and their options");
    }

    @Test
    void fishCompletionFollowsTheCommandPath() {
        String fish = CliRun.of("completion", "fish").out();
        assertTrue(fish.contains("complete -c slipway -n '__slipway_command_is \"\"' -a 'upgrade'"), fish);
        assertTrue(fish.contains("complete -c slipway -n '__slipway_command_is \"fleet\"' -a 'upgrade'"), fish);
        assertTrue(fish.contains("complete -c slipway -n '__slipway_command_is \"upgrade\"' -l dir -r -F"), fish);
        assertTrue(fish.contains("-a 'bash zsh fish'"), "the shells are offered to completion");
    }

    @Test
    void everyCommandHasAManPage() throws Exception {
        Path dir = Files.createTempDirectory("slipway-shell-files-");
        ShellFiles.main(new String[] {dir.toString()});
        Path man = dir.resolve("man/man1");
        for (String page : List.of("slipway.1", "slipway-upgrade.1", "slipway-fleet-upgrade.1", "slipway-completion.1")) {
            assertTrue(Files.isRegularFile(man.resolve(page)), page);
        }
        String upgrade = Files.readString(man.resolve("slipway-upgrade.1"));
        assertTrue(upgrade.startsWith(".TH \"SLIPWAY\\-UPGRADE\" \"1\""), upgrade);
        assertTrue(upgrade.contains(".SH OPTIONS\n"), upgrade);
        assertTrue(upgrade.contains("\\fB\\-\\-dir\\fR \\fIDIR\\fR"), upgrade);
        assertTrue(upgrade.contains(".SH EXIT STATUS\n"), upgrade);
        assertTrue(Files.readString(dir.resolve("completions/slipway.bash")).contains("upgrade"));
        assertTrue(Files.readString(dir.resolve("completions/slipway.fish")).contains("__slipway_command_is"));
    }
}
