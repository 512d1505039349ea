package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class JournalContract extends StateFixture {
    String journal() {
        return dir + "/.slipway/journal.json";
    }

    @Test
    void aRunsJournalFromBeginToFinish() {
        assertEquals(Optional.empty(), Journal.find(target, dir));
        JournalEntry start = JournalEntry.start("upgrade", "1.0.0", "2.0.0", null);
        assertEquals(LockOwner.current("x").who(), start.user());
        assertTrue(start.id().matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"), start.id());
        Instant.parse(start.startedAt());
        assertNull(start.lastStep());

        Journal j = Journal.begin(target, dir, start);
        assertEquals(journal(), j.path());
        assertEquals(Optional.of(start), Journal.find(target, dir));

        j.reached("backup");
        j.backupTaken("20261125T120300Z-1.0.0-to-2.0.0");
        String before = inode(journal());
        j.reached("pin");
        assertNotEquals(before, inode(journal()), "the journal must be replaced atomically, not edited in place");
        assertEquals(List.of("journal.json"), target.list(dir + "/.slipway"), "no temporary files left");

        JournalEntry found = Journal.find(target, dir).orElseThrow();
        assertEquals("pin", found.lastStep());
        Instant.parse(found.lastStepAt());
        assertEquals("20261125T120300Z-1.0.0-to-2.0.0", found.backupId());
        assertEquals(start.withBackupId(found.backupId()).withStep("pin", found.lastStepAt()), found);
        assertEquals(found, j.entry());
        assertEquals("An upgrade from 1.0.0 to 2.0.0 started " + StateFiles.display(start.startedAt()) + " by "
                + start.user() + " was interrupted after step 'pin'; run 'slipway rollback --dir '" + dir.replace("'", "")
                + "'' to return to 1.0.0, or 'slipway upgrade --dir '" + dir.replace("'", "")
                + "' --to 2.0.0 --resume' to finish it.", found.describe(dir));

        // --resume carries on with the same journal.
        Journal resumed = Journal.resume(target, dir).orElseThrow();
        assertEquals(found, resumed.entry());
        resumed.reached("restart");
        assertEquals("restart", Journal.find(target, dir).orElseThrow().lastStep());
        assertEquals(found.id(), Journal.find(target, dir).orElseThrow().id());

        resumed.finish();
        assertFalse(exists(journal()));
        assertEquals(Optional.empty(), Journal.find(target, dir));
        assertEquals(Optional.empty(), Journal.resume(target, dir));
        j.finish(); // idempotent
    }

    @Test
    void theJournalIsPlainJsonForPeople() {
        var entry = new JournalEntry("id-1", "upgrade", "1.0.0", "2.0.0", null, "2026-11-25T12:03:00Z",
                "root@laptop", null, null);
        Journal.begin(target, dir, entry).reached("pin");
        String text = read(journal());
        assertTrue(text.contains("\"command\" : \"upgrade\""), text);
        assertTrue(text.contains("\"lastStep\" : \"pin\""), text);
        assertTrue(text.contains("\"backupId\" : null"), text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void anUnreadableJournalIsRefusedNotIgnored() {
        target.mkdirs(dir + "/.slipway");
        write(journal(), "{\"id\": \"x\", \"comm", null);
        var e = assertThrows(SlipwayException.class, () -> Journal.find(target, dir));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("The journal of an interrupted run, " + journal() + " on "
                + target.describe() + ", cannot be read ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): look at the stack, then delete that file to go on."), e.getMessage());
    }

    @Test
    void beginReplacesAnOldJournal() {
        Journal.begin(target, dir, JournalEntry.start("upgrade", "1.0.0", "2.0.0", null)).reached("pin");
        JournalEntry next = JournalEntry.start("rollback", "2.0.0", "1.0.0", "b1");
        Journal.begin(target, dir, next);
        assertEquals(Optional.of(next), Journal.find(target, dir));
    }
}
