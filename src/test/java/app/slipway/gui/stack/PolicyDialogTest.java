package app.slipway.gui.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.policy.UpdateLevel;
import app.slipway.core.releases.Version;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy editor's fields as a policy, or nothing while one cannot be read. */
class PolicyDialogTest {
    @Test
    void fieldsBecomeThePolicy() {
        var p = PolicyDialog.read(UpdateLevel.PATCH, true, " 36h ", "2.1.0, v2.1.1  2.2.0", true).orElseThrow();
        assertEquals(UpdateLevel.PATCH, p.level());
        assertTrue(p.prereleases());
        assertEquals(Duration.ofHours(36), p.minimumAge());
        assertEquals(List.of(Version.parse("2.1.0"), Version.parse("v2.1.1"), Version.parse("2.2.0")), p.skip());
        assertTrue(p.unattended());
        assertEquals(Duration.ZERO, PolicyDialog.read(UpdateLevel.MINOR, false, "", "", false).orElseThrow().minimumAge());
    }

    @Test
    void anUnreadableFieldGivesNoPolicy() {
        assertTrue(PolicyDialog.read(UpdateLevel.MINOR, false, "a week", "", false).isEmpty());
        assertTrue(PolicyDialog.read(null, false, "", "", false).isEmpty());
    }
}
