package app.slipway.core.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReleaseImagesTest {
    static final String WEB = "ghcr.io/acme/server";
    static final String JOB = "ghcr.io/acme/worker";

    private static Function<String, Set<String>> registry(Map<String, Set<String>> tags) {
        return repository -> {
            Set<String> known = tags.get(repository);
            if (known == null) {
                throw SlipwayException.refused("The registry ghcr.io cannot be reached (connect timed out): check the"
                        + " network, then try again.");
            }
            return known;
        };
    }

    @Test
    void aTagEveryRepositoryHasGoesAhead() {
        var images = ReleaseImages.check(List.of(WEB + ":1.4.2", JOB + ":1.4.2", WEB + ":1.4.2"), "1.4.2",
                registry(Map.of(WEB, Set.of("1.4.1", "1.4.2"), JOB, Set.of("1.4.1", "1.4.2"))));
        assertEquals("1.4.2", images.version());
        assertEquals(List.of(), images.notes());
    }

    @Test
    void theSpellingIsTheRegistrysOne() {
        var images = ReleaseImages.check(List.of(WEB + ":v1.4.2"), "v1.4.2", registry(Map.of(WEB, Set.of("1.4.2"))));
        assertEquals("1.4.2", images.version());
    }

    @Test
    void aRepositoryWithoutTheTagIsRefusedNamingIt() {
        var refused = assertThrows(SlipwayException.class, () -> ReleaseImages.check(List.of(WEB + ":1.4.2",
                JOB + ":1.4.2"), "1.4.2", registry(Map.of(WEB, Set.of("1.4.2"), JOB, Set.of("1.4.1")))));
        assertEquals(ExitCode.REFUSED, refused.exitCode());
        assertEquals(JOB + " has no tag 1.4.2: check --to against 'slipway versions'; nothing on AWS was changed.",
                refused.getMessage());
    }

    @Test
    void aRegistryThatCannotBeAskedIsANoteAndTheVersionStaysAsAsked() {
        var images = ReleaseImages.check(List.of(WEB + ":v1.4.2"), "v1.4.2", registry(Map.of()));
        assertEquals("v1.4.2", images.version());
        assertEquals(1, images.notes().size());
        assertTrue(images.notes().get(0).startsWith("Could not check that " + WEB + " has the new tag (The registry"
                + " ghcr.io cannot be reached (connect timed out)); ECS pulls it"), images.notes().get(0));
    }
}
