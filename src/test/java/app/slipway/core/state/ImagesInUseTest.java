package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ContainerHealth;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.fakes.InMemoryEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Putting moved tags back on the image that ran: by ID while it is here, by its recorded digest once it is gone. */
class ImagesInUseTest {
    static final String REPO = "127.0.0.1:5555/acme/app";
    static final String RAN = "sha256:" + "a".repeat(64);
    static final String NEWER = "sha256:" + "b".repeat(64);
    static final String DIGEST = REPO + "@sha256:" + "d".repeat(64);

    @Test
    void aTagStillOnTheImageThatRanIsLeftAlone() {
        var engine = new InMemoryEngine();
        engine.tag(RAN, REPO, "1.0.0");

        var expected = ImagesInUse.restoreTags(engine, List.of(new ImageInUse("web", REPO + ":1.0.0", RAN, DIGEST)), e -> {});

        assertEquals(Map.of("web", RAN), expected);
        assertTrue(engine.pulls().isEmpty());
    }

    @Test
    void aMovedTagGoesBackToTheImageThatRanWhileTheTargetHasIt() {
        var engine = new InMemoryEngine();
        engine.tag(RAN, REPO, "keep");
        engine.tag(NEWER, REPO, "1.0.0");

        var expected = ImagesInUse.restoreTags(engine, List.of(new ImageInUse("web", REPO + ":1.0.0", RAN, DIGEST)), e -> {});

        assertEquals(Map.of("web", RAN), expected);
        assertEquals(RAN, engine.imageId(REPO + ":1.0.0").orElseThrow());
        assertTrue(engine.pulls().isEmpty(), "nothing to pull");
    }

    @Test
    void anImageGoneFromTheTargetIsPulledByItsDigestThenTagged() {
        var engine = new InMemoryEngine().publishesDigest(DIGEST, RAN);
        engine.tag(NEWER, REPO, "1.0.0");
        var lines = new java.util.ArrayList<String>();

        var expected = ImagesInUse.restoreTags(engine, List.of(new ImageInUse("web", REPO + ":1.0.0", RAN, DIGEST),
                new ImageInUse("job", REPO + ":1.0.0", RAN, DIGEST)), e -> lines.add(e.toString()));

        assertEquals(List.of(DIGEST), engine.pulls(), "pulled once, by digest");
        assertEquals(RAN, engine.imageId(REPO + ":1.0.0").orElseThrow());
        assertEquals(Map.of("web", RAN, "job", RAN), expected);
        assertTrue(lines.stream().anyMatch(l -> l.contains("by digest")), lines.toString());
    }

    @Test
    void anImageGoneWithoutADigestIsOneSentence() {
        var engine = new InMemoryEngine();
        engine.tag(NEWER, REPO, "1.0.0");

        var e = assertThrows(SlipwayException.class, () -> ImagesInUse.restoreTags(engine,
                List.of(new ImageInUse("web", REPO + ":1.0.0", RAN)), ev -> {}));

        assertEquals(ExitCode.ROLLBACK_FAILED, e.exitCode());
        assertEquals("The image aaaaaaaaaaaa that web ran as " + REPO + ":1.0.0 is no longer on the target and no digest"
                + " of it was recorded: pull or build it again, then roll back.", e.getMessage());
    }

    @Test
    void aServiceOnAnotherImageIsNamed() {
        var running = List.of(container("web", NEWER), container("job", RAN));
        var images = List.of(new ImageInUse("web", REPO + ":1.0.0", RAN), new ImageInUse("job", REPO + ":1.0.0", RAN));

        assertEquals(List.of("web runs bbbbbbbbbbbb instead of aaaaaaaaaaaa (" + REPO + ":1.0.0)"),
                ImagesInUse.notAsRecorded(running, Map.of("web", RAN, "job", RAN), images));
        assertEquals(List.of(), ImagesInUse.notAsRecorded(List.of(container("job", RAN)), Map.of("job", RAN), images));
    }

    private static ServiceContainer container(String service, String imageId) {
        return new ServiceContainer("c-" + service, "app-" + service + "-1", service, "running", ContainerHealth.NONE,
                REPO + ":1.0.0", imageId, 0, false, Instant.now());
    }
}
