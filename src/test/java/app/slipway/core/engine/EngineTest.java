package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facade against the real engine: containers it starts itself, the fixture images, the registry. */
class EngineTest {
    /** Unique per JVM so a parallel run of these tests never sees our containers. */
    private static final String PROJECT = "enginetest" + ProcessHandle.current().pid();
    /** On every container these tests create, whatever its project: what the clean-up removes. */
    private static final String OWNER_LABEL = "app.slipway.test.owner=" + PROJECT;

    private static Engine engine;

    @BeforeAll
    static void connect() {
        DockerCli.requireEngine();
        engine = Engine.connect(new UnixEngineSocket(), null);
    }

    @AfterAll
    static void cleanUp() {
        String ids = DockerCli.ok("ps", "-aq", "--filter", "label=" + OWNER_LABEL);
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(List.of(ids.split("\\s+")));
            DockerCli.ok(rm.toArray(String[]::new));
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** Starts (or only creates) a container of a project; returns its id. */
    private static String container(String verb, String project, String service, List<String> options, String... command) {
        List<String> args = new ArrayList<>(List.of(verb));
        if (verb.equals("run")) {
            args.add("-d");
        }
        args.addAll(List.of("--network", "host",
                "--name", project + "_" + service + "_1",
                "--label", OWNER_LABEL,
                "--label", DockerEngine.PROJECT_LABEL + "=" + project,
                "--label", DockerEngine.SERVICE_LABEL + "=" + service));
        args.addAll(options);
        args.add(DockerCli.FIXTURE + ":2.0.0");
        args.addAll(List.of(command));
        return DockerCli.ok(args.toArray(String[]::new));
    }

    @Test
    void reportsTheEngineVersion() {
        EngineVersion version = engine.version();
        assertTrue(version.version().startsWith("20.10"), version.toString());
        assertEquals("1.41", version.apiVersion());
        assertEquals("linux", version.os());
        assertEquals(DockerCli.ok("version", "--format", "{{.Server.Arch}}"), version.arch());
    }

    @Test
    void refusesWhenTheEngineIsNotThere() {
        try (Engine absent = Engine.connect(new UnixEngineSocket("/nonexistent/slipway/docker.sock"), null)) {
            SlipwayException e = assertThrows(SlipwayException.class, absent::version);
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertTrue(e.getMessage().startsWith("The Docker Engine is not reachable ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("): is it running?"), e.getMessage());
        }
        try (Engine absent = Engine.connect(new UnixEngineSocket("/nonexistent/slipway/docker.sock"), "ssh://root@127.0.0.1:2222")) {
            assertTrue(assertThrows(SlipwayException.class, absent::version).getMessage()
                    .startsWith("The Docker Engine on ssh://root@127.0.0.1:2222 is not reachable ("));
        }
    }

    @Test
    void keepsARefusalFromTheSocketAsItIs() {
        SlipwayException fromSocket = SlipwayException.refused("The SSH session to x ended: reconnect.");
        try (Engine engine = Engine.connect(() -> {
            throw fromSocket;
        }, null)) {
            assertEquals(fromSocket, assertThrows(SlipwayException.class, engine::version));
        }
    }

    @Test
    void listsTheProjectsContainersWithStateHealthAndLabels() throws InterruptedException {
        Instant before = Instant.now().minusSeconds(5);
        String web = container("run", PROJECT, "web", List.of("--health-cmd", "true", "--health-interval", "1s", "--health-retries", "1"), "/bin/job");
        String sick = container("run", PROJECT, "sick", List.of("--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1"), "/bin/job");
        String slow = container("run", PROJECT, "slow", List.of("--health-cmd", "true", "--health-interval", "1h", "--health-start-period", "1h"), "/bin/job");
        String plain = container("run", PROJECT, "plain", List.of(), "/bin/job");
        String migrate = container("run", PROJECT, "migrate", List.of("--label", DockerEngine.ONE_OFF_LABEL + "=True"), "/bin/sh", "-c", "exit 3");
        String created = container("create", PROJECT, "later", List.of(), "/bin/job");
        DockerCli.ok("wait", migrate);

        Map<String, ServiceContainer> byService = awaitHealth(Duration.ofSeconds(30));
        assertEquals(List.of("later", "migrate", "plain", "sick", "slow", "web"), List.copyOf(byService.keySet()),
                "sorted by service, stopped ones included");

        ServiceContainer w = byService.get("web");
        assertEquals(web, w.id());
        assertEquals(PROJECT + "_web_1", w.name());
        assertEquals("running", w.state());
        assertTrue(w.isRunning());
        assertEquals(ContainerHealth.HEALTHY, w.health());
        assertEquals(DockerCli.FIXTURE + ":2.0.0", w.image());
        assertEquals(DockerCli.ok("image", "inspect", "--format", "{{.Id}}", DockerCli.FIXTURE + ":2.0.0"), w.imageId());
        assertFalse(w.oneOff());
        assertTrue(w.startedAt().isAfter(before), w.startedAt().toString());

        assertEquals(sick, byService.get("sick").id());
        assertEquals(ContainerHealth.UNHEALTHY, byService.get("sick").health());
        assertEquals(slow, byService.get("slow").id());
        assertEquals(ContainerHealth.STARTING, byService.get("slow").health());
        assertEquals(plain, byService.get("plain").id());
        assertEquals(ContainerHealth.NONE, byService.get("plain").health());

        ServiceContainer m = byService.get("migrate");
        assertEquals("exited", m.state());
        assertEquals(3, m.exitCode());
        assertTrue(m.oneOff());
        assertNotNull(m.startedAt());

        ServiceContainer later = byService.get("later");
        assertEquals(created, later.id());
        assertEquals("created", later.state());
        assertNull(later.startedAt(), "never started");

        assertEquals(List.of(), engine.containersOf(PROJECT + "-nothing"));
    }

    /** Polls until web is healthy and sick unhealthy (a 1 s healthcheck needs a moment). */
    private static Map<String, ServiceContainer> awaitHealth(Duration budget) throws InterruptedException {
        Instant deadline = Instant.now().plus(budget);
        while (true) {
            Map<String, ServiceContainer> byService = engine.containersOf(PROJECT).stream()
                    .collect(Collectors.toMap(ServiceContainer::service, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
            if (byService.get("web").health() == ContainerHealth.HEALTHY
                    && byService.get("sick").health() == ContainerHealth.UNHEALTHY) {
                return byService;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("healthchecks did not settle within " + budget.toSeconds() + " s: " + byService);
            }
            Thread.sleep(250);
        }
    }

    @Test
    void tailsTheLogsOfBothStreams() {
        String id = container("run", PROJECT + "logs", "logs", List.of(), "/bin/sh", "-c",
                "i=1; while [ $i -le 50 ]; do echo out$i; i=$((i+1)); done; sleep 0.2; echo err-last >&2; sleep 0.2; printf unfinished");
        DockerCli.ok("wait", id);
        assertEquals(List.of("out49", "out50", "err-last", "unfinished"), engine.logTail(id, 4));
        assertEquals(52, engine.logTail(id, 1000).size(), "all 50 + 2 lines when fewer than asked");
    }

    @Test
    void findsLocalImagesAndTheirRegistryDigest() {
        String ref = DockerCli.FIXTURE + ":2.0.0";
        assertTrue(engine.imageExistsLocally(ref));
        assertFalse(engine.imageExistsLocally(DockerCli.FIXTURE + ":9.9"));
        String expected = DockerCli.ok("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref);
        assertEquals(expected, engine.repoDigest(ref).orElseThrow());
        assertTrue(expected.startsWith(DockerCli.FIXTURE + "@sha256:"), expected);
        String id = DockerCli.ok("image", "inspect", "--format", "{{.Id}}", ref);
        assertEquals(expected, engine.repoDigest(id).orElseThrow(), "by image id");
        assertTrue(engine.repoDigest(DockerCli.FIXTURE + ":9.9").isEmpty());
    }

    @Test
    void repositoryOfKeepsTheRegistryPort() {
        assertEquals("127.0.0.1:5555/a/b", DockerEngine.repositoryOf("127.0.0.1:5555/a/b:1.0"));
        assertEquals("127.0.0.1:5555/a/b", DockerEngine.repositoryOf("127.0.0.1:5555/a/b"));
        assertEquals("127.0.0.1:5555/a/b", DockerEngine.repositoryOf("127.0.0.1:5555/a/b:1.0@sha256:00"));
        assertEquals("busybox", DockerEngine.repositoryOf("busybox:latest"));
    }
}
