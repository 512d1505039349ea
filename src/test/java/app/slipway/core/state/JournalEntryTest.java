package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sentence the CLI shows for an interrupted run (no target needed). */
class JournalEntryTest {
    static JournalEntry entry(String command, String from, String to, String lastStep) {
        return new JournalEntry("20261125T120300Z-0a1b2c3d", command, from, to, null, "2026-11-25T12:03:00Z",
                "root@laptop", lastStep, lastStep == null ? null : "2026-11-25T12:04:10Z");
    }

    @Test
    void anInterruptedUpgrade() {
        assertEquals("An upgrade from 1.0.0 to 2.0.0 started 2026-11-25 12:03 UTC by root@laptop was interrupted"
                + " after step 'pin'; run 'slipway rollback --dir /srv/strata' to return to 1.0.0, or"
                + " 'slipway upgrade --dir /srv/strata --to 2.0.0 --resume' to finish it.",
                entry("upgrade", "1.0.0", "2.0.0", "pin").describe("/srv/strata"));
    }

    @Test
    void aRemoteStackInAnAwkwardDirectory() {
        assertEquals("An upgrade from 1.0.0-beta.41 to 1.0.0 started 2026-11-25 12:03 UTC by root@laptop was"
                + " interrupted before its first step; run 'slipway rollback --host ssh://root@srv:22 --dir '/srv/my app''"
                + " to return to 1.0.0-beta.41, or 'slipway upgrade --host ssh://root@srv:22 --dir '/srv/my app'"
                + " --to 1.0.0 --resume' to finish it.",
                entry("upgrade", "1.0.0-beta.41", "1.0.0", null).describe("/srv/my app", "--host ssh://root@srv:22"));
    }

    @Test
    void otherCommands() {
        assertEquals("A rollback from 2.0.0 to 1.0.0 started 2026-11-25 12:03 UTC by root@laptop was interrupted"
                + " after step 'restart'; run 'slipway rollback --dir /srv/a' again to finish it.",
                entry("rollback", "2.0.0", "1.0.0", "restart").describe("/srv/a"));
        assertEquals("An install of 2.0.0 started 2026-11-25 12:03 UTC by root@laptop was interrupted after step"
                + " 'pull'; run the same 'slipway install' command again to finish it.",
                entry("install", null, "2.0.0", "pull").describe("/srv/a", ""));
        assertEquals("An upgrade to 2.0.0 started 2026-11-25 12:03 UTC by root@laptop was interrupted after step"
                + " 'backup'; run 'slipway rollback --dir /srv/a' to return to the previous version, or"
                + " 'slipway upgrade --dir /srv/a --to 2.0.0 --resume' to finish it.",
                entry("upgrade", null, "2.0.0", "backup").describe("/srv/a"));
        assertEquals("A 'backup' run started 2026-11-25 12:03 UTC by root@laptop was interrupted after step"
                + " 'dump'; run it again to finish it.", entry("backup", null, null, "dump").describe("/srv/a"));
    }

    @Test
    void timesAreShownAsPeopleReadThem() {
        assertEquals("2026-11-25 12:03 UTC", StateFiles.display("2026-11-25T12:03:59Z"));
        assertEquals("2026-11-25 12:03 UTC", StateFiles.display("2026-11-25T12:03:00.123Z"));
        assertEquals("yesterday", StateFiles.display("yesterday"));
        assertEquals("an unknown time", StateFiles.display(null));
    }
}
