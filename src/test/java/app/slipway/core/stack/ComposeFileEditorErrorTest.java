package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ComposeFileEditorErrorTest {
    private static final String SECRET = "s3cr3t-V4lue";

    private static SlipwayException badInput(Executable action) {
        SlipwayException e = assertThrows(SlipwayException.class, action);
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "the message shows file content: " + e.getMessage());
        return e;
    }

    @Test
    void invalidYamlNamesTheProblemAndLineButNoContent() {
        String text = "services:\n  web:\n    environment:\n      PASSWORD: \"" + SECRET + "\n    image: x\n  bad: [\n";
        SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job"));
        assertTrue(e.getMessage().startsWith("docker-compose.yml is not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\(line \\d+, column \\d+\\).*"), e.getMessage());
    }

    @Test
    void invalidYamlUsesTheGivenFileName() {
        String text = "services:\n  web: {image: " + SECRET + "\n  worker:\n\tbad\n";
        SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job", "compose.yaml"));
        assertTrue(e.getMessage().startsWith("compose.yaml is not valid YAML: "), e.getMessage());
        badInput(() -> ComposeFileEditor.serviceNames(text, "compose.yaml"));
        badInput(() -> ComposeFileEditor.hasService(text, "web", "compose.yaml"));
    }

    @Test
    void severalDocumentsAreNotOneComposeFile() {
        SlipwayException e = badInput(() -> ComposeFileEditor.serviceNames("services: {}\n---\nservices: {}\n"));
        assertTrue(e.getMessage().startsWith("docker-compose.yml is not valid YAML: "), e.getMessage());
    }

    @Test
    void aFileWithoutServicesIsRefused() {
        for (String text : new String[] {"", "# nothing\n", "version: '3'\n", "services:\n", "services: [web]\n",
                "- services\n", "just text\n", "volumes: {data: {}}\n"}) {
            SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job"));
            assertTrue(e.getMessage().startsWith("docker-compose.yml has no 'services:' mapping"), e.getMessage());
        }
    }

    @Test
    void aNewNameThatIsTakenIsRefused() {
        String text = "services:\n  worker: {image: x}\n  job: {image: y}\n";
        SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job"));
        assertTrue(e.getMessage().contains("already has a service 'job'"), e.getMessage());
    }

    @Test
    void anInvalidNewNameIsRefused() {
        String text = "services:\n  worker: {image: x}\n";
        for (String name : new String[] {"", "a b", "job:1", "jöb", "x\ny", "\"q\""}) {
            badInput(() -> ComposeFileEditor.renameService(text, "worker", name));
        }
        badInput(() -> ComposeFileEditor.renameService(text, "worker", null));
    }

    @Test
    void aServiceDefinedTwiceIsRefused() {
        String text = "services:\n  worker: {image: x}\n  web: {}\n  worker: {image: y}\n";
        SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job"));
        assertTrue(e.getMessage().contains("defines the service 'worker' twice"), e.getMessage());
    }

    @Test
    void aBlockScalarReferenceIsRefusedRatherThanGuessed() {
        String text = "services:\n  worker: {image: x}\n  web:\n    depends_on:\n      - |-\n        worker\n";
        SlipwayException e = badInput(() -> ComposeFileEditor.renameService(text, "worker", "job"));
        assertTrue(e.getMessage().contains("block scalar (line 5)"), e.getMessage());
    }
}
