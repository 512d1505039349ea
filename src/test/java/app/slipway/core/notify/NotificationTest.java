package app.slipway.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationTest {
    @Test
    void anUpdateSaysProductVersionsBreakingAndNotes() {
        Notification n = Notifications.updateAvailable(true);

        assertEquals("Fixture v2.1.0 is available (on 2.0.0), with breaking changes", n.title());
        assertEquals("""
                Product    Fixture
                Stack      /srv/fixture on ssh://deploy@10.0.0.5:22
                Current    2.0.0
                Available  v2.1.0
                Breaking   yes: read the notes before upgrading
                Notes      https://github.com/acme/app/releases/tag/v2.1.0""", n.text());
        assertFalse(n.isFailure());
        assertEquals("Fixture v2.1.0 is available (on 2.0.0)", Notifications.updateAvailable(false).title());
    }

    @Test
    void aRunSaysItsOutcomeAndBackup() {
        Notification n = Notifications.rolledBack();

        assertEquals("Fixture upgrade from 2.0.0 to 3.0.0: rolled back", n.title());
        assertTrue(n.isFailure());
        assertTrue(n.text().contains("Outcome    rolled-back\n"), n.text());
        assertTrue(n.text().contains("Backup     20261201T101500Z-2.0.0-to-3.0.0\n"), n.text());
        assertTrue(n.text().endsWith("\n\nThe upgrade to 3.0.0 failed (web is unhealthy) and was rolled back; 2.0.0 is serving."),
                n.text());
        assertEquals("upgrade", n.asJson().get("event"));
        assertEquals("20261201T101500Z-2.0.0-to-3.0.0", n.asJson().get("backup"));
    }

    @Test
    void noLineBreakReachesATitle() {
        assertEquals("a b c", Notification.oneLine("a\r\nb\nc\n"));
    }
}
