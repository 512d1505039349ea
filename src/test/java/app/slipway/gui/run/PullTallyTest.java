package app.slipway.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Folding the engine's per-layer messages into one image's progress. */
class PullTallyTest {

    @Test
    void isIndeterminateUntilALayerSizeIsKnown() {
        var tally = new PullTally("img:1");
        tally.accept("a", "Pulling fs layer", 0, 0);
        tally.accept("b", "Waiting", 0, 0);
        var pull = tally.snapshot();
        assertEquals(2, pull.layers());
        assertEquals(-1, pull.fraction());
        assertFalse(pull.finished());
    }

    @Test
    void countsDownloadBytesOnlyNotExtraction() {
        var tally = new PullTally("img:1");
        tally.accept("a", "Downloading", 50, 100);
        tally.accept("b", "Downloading", 100, 300);
        assertEquals(150, tally.snapshot().current());
        assertEquals(400, tally.snapshot().total());
        assertEquals(150.0 / 400, tally.snapshot().fraction(), 1e-9);

        tally.accept("a", "Download complete", 0, 0);
        tally.accept("a", "Extracting", 7, 9999); // extraction reuses the fields for other work
        assertEquals(200, tally.snapshot().current());
        assertEquals(400, tally.snapshot().total());
    }

    @Test
    void isFinishedWhenEveryLayerIsCompleteOrAlreadyThere() {
        var tally = new PullTally("img:1");
        tally.accept("a", "Already exists", 0, 0);
        tally.accept("b", "Downloading", 10, 100);
        assertFalse(tally.snapshot().finished());
        tally.accept("b", "Pull complete", 0, 0);
        var pull = tally.snapshot();
        assertTrue(pull.finished());
        assertEquals(1.0, pull.fraction());
        assertEquals(100, pull.current());
        assertEquals(2, pull.finishedLayers());
    }

    @Test
    void neverGoesBackwardsWithinALayer() {
        var tally = new PullTally("img:1");
        tally.accept("a", "Downloading", 80, 100);
        tally.accept("a", "Downloading", 60, 100); // a late, out-of-order message
        assertEquals(80, tally.snapshot().current());
    }

    @Test
    void imageNamesKeepRegistryAndName() {
        assertEquals("127.0.0.1:5555/…/app:2.0.0", ImageRow.shortName("127.0.0.1:5555/slipway-fixture/app:2.0.0"));
        assertEquals("postgres:15", ImageRow.shortName("postgres:15"));
        assertEquals("library/postgres:15", ImageRow.shortName("library/postgres:15"));
    }

    @Test
    void sizesReadLikeAPersonWouldSayThem() {
        assertEquals("850 kB", ByteSize.of(850_000));
        assertEquals("3.4 MB", ByteSize.of(3_400_000));
        assertEquals("51 MB", ByteSize.of(51_000_000));
        assertEquals("1.20 GB", ByteSize.of(1_200_000_000));
    }
}
