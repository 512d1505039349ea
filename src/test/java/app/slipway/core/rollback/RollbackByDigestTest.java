package app.slipway.core.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollback --backup ID} starts the images the backup recorded, by ID or digest, and checks that it did. */
class RollbackByDigestTest {
    static final String ID = "20261130T100000Z-1.0.0-to-2.0.0";
    static final String FOLDER = FakeStack.DIR + "/backups/" + ID;
    static final String DIGEST = FakeStack.IMAGE + "@sha256:" + "d".repeat(64);
    static final String NEWER = "sha256:" + "b".repeat(64);

    @TempDir
    Path temp;

    private FakeStack stackWithBackup(String recordedId) {
        var stack = new FakeStack(temp);
        stack.host.file(FOLDER + "/compose.yml", FakeStack.COMPOSE, 0600).file(FOLDER + "/.env", FakeStack.ENV, 0600);
        String image = "{\"service\": \"%s\", \"container\": \"app-%s-1\", \"image\": \"" + FakeStack.IMAGE
                + ":1.0.0\", \"imageId\": \"" + recordedId + "\", \"repoDigest\": \"" + DIGEST + "\"}";
        stack.host.file(FOLDER + "/images.json", "[" + image.formatted("web", "web") + ", "
                + image.formatted("worker", "worker") + "]\n", 0600);
        stack.host.file(FOLDER + "/manifest.json", "{\"id\": \"" + ID + "\", \"product\": \"App\", \"from\": \"1.0.0\","
                + " \"to\": \"2.0.0\", \"createdAt\": \"2026-11-30T10:00:00Z\", \"composeFile\": \"compose.yml\","
                + " \"envFile\": \".env\", \"files\": [], \"postgres\": null, \"volumes\": [], \"directories\": []}\n", 0600);
        return stack;
    }

    private static RunResult rollback(FakeStack stack) {
        Plan plan = RollbackPlanner.plan(stack.connection, stack.read(), new RollbackOptions(Optional.of(ID), false, false),
                Optional.empty());
        return new Runner(stack.host, plan, e -> {}).run();
    }

    @Test
    void aMovedTagWhoseImageIsGoneIsPulledByDigestAndTheRecordedImageRuns() {
        var stack = new FakeStack(temp);
        String ran = stack.engine.imageId(FakeStack.IMAGE + ":1.0.0").orElseThrow();
        stack = stackWithBackup(ran);
        stack.engine.publishesDigest(DIGEST, ran);
        stack.engine.tag(NEWER, FakeStack.IMAGE, "1.0.0"); // the tag moved; nothing else has the image that ran

        Plan plan = RollbackPlanner.plan(stack.connection, stack.read(), new RollbackOptions(Optional.of(ID), false, false),
                Optional.empty());
        assertTrue(plan.steps().stream().anyMatch(st -> st.details().contains("web: " + FakeStack.IMAGE + ":1.0.0@sha256:"
                + "d".repeat(64))), "the plan names each service's pin");
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        assertEquals(List.of(DIGEST), stack.engine.pulls());
        assertEquals(ran, stack.engine.imageId(FakeStack.IMAGE + ":1.0.0").orElseThrow());
        assertTrue(stack.engine.containersOf("app").stream().allMatch(c -> c.imageId().equals(ran)));
    }

    @Test
    void aServiceThatDoesNotRunTheRecordedImageFailsTheRollback() {
        String recorded = "sha256:" + "e".repeat(64);
        var stack = stackWithBackup(recorded);
        stack.engine.tag(recorded, FakeStack.IMAGE, "old"); // on the target, but up -d here starts another image

        RunResult result = rollback(stack);

        assertEquals(ExitCode.ROLLBACK_FAILED, result.exitCode(), result.message());
        assertTrue(result.message().contains("not every service runs the image it ran then: web runs "), result.message());
        assertTrue(result.message().contains("instead of eeeeeeeeeeee (" + FakeStack.IMAGE + ":1.0.0)"), result.message());
    }
}
