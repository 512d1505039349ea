package app.slipway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pulls from the local registry: real layer transfer, and refusals of what is not there. */
class EnginePullTest {
    private static Engine engine;

    @BeforeAll
    static void connect() {
        DockerCli.requireEngine();
        engine = Engine.connect(new UnixEngineSocket(), null);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    record LayerEvent(String layer, String status, long current, long total) {}

    record ImageEvent(String image, long current, long total) {}

    @Test
    void pullsAFixtureTagReportingLayerAndImageProgress() throws Exception {
        String tag = removeAFixtureTagLocally();
        String ref = DockerCli.FIXTURE + ":" + tag;
        assertFalse(engine.imageExistsLocally(ref));

        List<LayerEvent> layers = new CopyOnWriteArrayList<>();
        List<ImageEvent> images = new CopyOnWriteArrayList<>();
        engine.pull(DockerCli.FIXTURE, tag, new PullListener() {
            @Override
            public void onLayer(String layerId, String status, long current, long total) {
                layers.add(new LayerEvent(layerId, status, current, total));
            }

            @Override
            public void onImage(String image, long current, long total) {
                images.add(new ImageEvent(image, current, total));
            }
        });

        assertTrue(engine.imageExistsLocally(ref));
        List<String> statuses = layers.stream().map(LayerEvent::status).distinct().toList();
        assertTrue(statuses.containsAll(List.of("Pulling fs layer", "Downloading", "Pull complete")), statuses.toString());
        assertTrue(layers.stream().anyMatch(e -> e.status().equals("Downloading") && e.current() > 0 && e.total() > 0), layers.toString());
        assertFalse(layers.stream().anyMatch(e -> e.layer().equals(tag)), "the 'Pulling from' line is not a layer");

        assertEquals(layers.size(), images.size(), "one image total after each layer message");
        ImageEvent last = images.get(images.size() - 1);
        assertEquals(ref, last.image());
        assertTrue(last.total() > 1_000_000, "the fixture layer is about 2 MB: " + last);
        assertEquals(last.total(), last.current(), "everything downloaded at the end");
        for (int i = 1; i < images.size(); i++) {
            assertTrue(images.get(i).current() >= images.get(i - 1).current(), "bytes never go backwards: " + images);
        }

        assertEquals(DockerCli.FIXTURE + "@" + registryDigest(tag), engine.repoDigest(ref).orElseThrow());
    }

    /**
     * Removes one fixture tag so its layer really transfers. Each tag is its own one-layer image;
     * a tag a container still uses (another test's) cannot be removed, so the next one is tried.
     */
    private static String removeAFixtureTagLocally() {
        StringBuilder refusals = new StringBuilder();
        for (String tag : List.of("2.1.0", "1.0.0", "3.0.0", "2.0.0")) {
            DockerCli.Result r = DockerCli.run("rmi", DockerCli.FIXTURE + ":" + tag);
            if (r.exitCode() == 0 || r.output().contains("No such image")) {
                return tag;
            }
            refusals.append(r.output().strip()).append("; ");
        }
        return fail("No fixture tag could be removed locally to pull it again: " + refusals);
    }

    /** The manifest digest the registry itself reports, to compare with the engine's RepoDigest. */
    private static String registryDigest(String tag) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + DockerCli.REGISTRY + "/v2/slipway-fixture/app/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode());
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    @Test
    void refusesATagTheRegistryDoesNotHave() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(DockerCli.FIXTURE, "9.9", PullListener.IGNORE));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Image " + DockerCli.FIXTURE + ":9.9 does not exist in the registry: check the version.", e.getMessage());
    }

    @Test
    void refusesARepositoryTheRegistryDoesNotHave() {
        String image = DockerCli.REGISTRY + "/slipway-fixture/nope";
        SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull(image, "1.0.0", PullListener.IGNORE));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Image " + image + ":1.0.0 does not exist in the registry: check the version.", e.getMessage());
    }

    @Test
    void refusesWhenTheRegistryIsUnreachable() {
        // 127.0.0.1:9 (discard) has no listener here: the engine's own connection is refused
        SlipwayException e = assertThrows(SlipwayException.class, () -> engine.pull("127.0.0.1:9/slipway/app", "1.0.0", PullListener.IGNORE));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("Pulling image 127.0.0.1:9/slipway/app:1.0.0 failed ("), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getMessage().endsWith("): check that its registry is reachable from the Docker Engine."), e.getMessage());
    }
}
