package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.SlipwayException;
import app.slipway.core.compose.ComposeModel;
import app.slipway.core.fakes.InMemoryEngine;
import app.slipway.core.fakes.InMemoryHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which files and which project name a stack is, found as Compose itself would find them. */
class StackIdentityTest {
    private static final String DIR = "/srv/My App";
    private static final String COMPOSE = "services:\n  web:\n    image: acme/web:1\n";
    private final InMemoryHost host = new InMemoryHost().file(DIR + "/compose.yaml", COMPOSE, 0644);
    private final InMemoryEngine engine = new InMemoryEngine();

    private StackProject project() {
        return StackProject.locate(host, engine, StackFilesReader.read(host, DIR));
    }

    @Test
    void theOverrideBesideTheFileIsPartOfTheStack() {
        host.file(DIR + "/compose.override.yaml", "services:\n  web:\n    environment: {A: 1}\n", 0644);
        assertEquals(List.of("compose.yaml", "compose.override.yaml"), StackFilesReader.read(host, DIR).composeFiles());
    }

    @Test
    void composeFileInDotEnvIsTheWholeSet() {
        host.file(DIR + "/base.yml", COMPOSE, 0644).file(DIR + "/.env", "COMPOSE_FILE=base.yml:prod.yml\n", 0600);
        StackFiles files = StackFilesReader.read(host, DIR);
        assertEquals(List.of("base.yml", "prod.yml"), files.composeFiles());
        assertEquals("base.yml", files.composeFileName());
    }

    @Test
    void composeFileNamingAMissingFileIsBadInput() {
        host.file(DIR + "/.env", "COMPOSE_FILE=gone.yml\n", 0600);
        var e = org.junit.jupiter.api.Assertions.assertThrows(SlipwayException.class, () -> StackFilesReader.read(host, DIR));
        assertEquals("COMPOSE_FILE in /srv/My App/.env names gone.yml, which is not there: fix COMPOSE_FILE or --dir.",
                e.getMessage());
    }

    @Test
    void theProjectTheContainersCarryWinsOverEverythingTheFilesSay() {
        host.file(DIR + "/.env", "COMPOSE_PROJECT_NAME=fromenv\n", 0600);
        engine.startedFrom(DIR, "appstrate-myapp-126e547e");
        assertEquals(new StackProject("appstrate-myapp-126e547e", "the containers started from /srv/My App"), project());
    }

    @Test
    void aProjectRecordedByTheProductsCliComesNext() {
        host.file(DIR + "/.appstrate/project.json",
                "{\n  \"version\": 1,\n  \"projectName\": \"appstrate-myapp-126e547e\",\n  \"createdAt\": \"2026-08-19T00:00:00Z\"\n}\n", 0644);
        host.file(DIR + "/.env", "COMPOSE_PROJECT_NAME=fromenv\n", 0600);
        assertEquals("appstrate-myapp-126e547e", project().name());
    }

    @Test
    void thenComposeProjectNameThenTheTopLevelNameThenTheDirectory() {
        assertEquals(new StackProject("myapp", "the directory's name"), project());
        host.file(DIR + "/compose.yaml", "name: appstrate\n" + COMPOSE, 0644);
        assertEquals(new StackProject("appstrate", "the name: in compose.yaml"), project());
        host.file(DIR + "/.env", "COMPOSE_PROJECT_NAME=Fromenv\n", 0600);
        assertEquals(new StackProject("fromenv", "COMPOSE_PROJECT_NAME in .env"), project());
    }

    @Test
    void servicesOfProfilesNotSwitchedOnAreNotPartOfTheStack() {
        String config = "services:\n  web: {image: a}\n  debug: {image: b, profiles: [debug]}\n";
        assertEquals(List.of("web"), ComposeModel.parse(config, Set.of()).serviceNames());
        assertEquals(List.of("web", "debug"),
                ComposeModel.parse(config, ComposeModel.activeProfiles(Map.of("COMPOSE_PROFILES", "debug,x"))).serviceNames());
    }
}
