package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class LockContract extends StateFixture {
    static final String AGAIN = " If that run is over, run again with --break-lock.";
    static final LockOwner LAPTOP = new LockOwner("root", "laptop", 4242, "2026-11-25T12:03:00Z",
            "upgrade 1.0.0 → 2.0.0");

    String lockDir() {
        return dir + "/.slipway/lock";
    }

    /** A lock as another run would have left it. */
    void plantLock(LockOwner o) {
        target.mkdirs(lockDir());
        target.writeFileAtomically(lockDir() + "/owner.json", StateFiles.pretty(new StackLock.OwnerFile(
                o.user(), o.host(), o.pid(), o.startedAt(), o.command(), "someone-elses-token")), null);
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        for (int i = 0; i < 50 && ProcessHandle.of(pid).isPresent(); i++) Thread.sleep(20);
        assertFalse(ProcessHandle.of(pid).isPresent(), "pid " + pid + " is still there");
        return pid;
    }

    @Test
    void acquireCreatesTheLockWithItsOwnerAndReleaseRemovesIt() throws Exception {
        assertFalse(exists(dir + "/.slipway"));
        Instant before = Instant.now().minusSeconds(2);
        LockOwner me = LockOwner.current("upgrade 1.0.0 → 2.0.0");
        StackLock lock = StackLock.acquire(target, dir, me, false);
        assertEquals(lockDir(), lock.path());
        assertEquals(dir, lock.directory());
        assertEquals(me, lock.owner());
        assertTrue(target.stat(lockDir()).orElseThrow().directory());

        JsonNode json = new ObjectMapper().readTree(target.readFile(lockDir() + "/owner.json"));
        assertEquals(System.getProperty("user.name"), json.get("user").asText());
        assertEquals(LockOwner.thisHost(), json.get("host").asText());
        assertEquals(ProcessHandle.current().pid(), json.get("pid").asLong());
        assertEquals("upgrade 1.0.0 → 2.0.0", json.get("command").asText());
        String startedAt = json.get("startedAt").asText();
        assertTrue(startedAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), startedAt);
        Instant at = Instant.parse(startedAt);
        assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(2)), startedAt);
        assertEquals(Optional.of(me), StackLock.holder(target, dir));

        lock.release();
        assertFalse(exists(lockDir()));
        assertTrue(exists(dir + "/.slipway"), "the state directory stays");
        assertEquals(Optional.empty(), StackLock.holder(target, dir));
        lock.release(); // idempotent

        try (StackLock again = StackLock.acquire(target, dir, LockOwner.current("rollback"), false)) {
            assertTrue(exists(lockDir()));
        }
        assertFalse(exists(lockDir()));
    }

    @Test
    void heldLockIsRefusedSayingWhoHoldsIt() {
        plantLock(LAPTOP);
        byte[] ownerBefore = target.readFile(lockDir() + "/owner.json");
        var e = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade 2.0.0 → 2.1.0"), false));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Another Slipway run holds the lock on " + dir + " since 2026-11-25 12:03 UTC"
                + " (root@laptop, pid 4242: upgrade 1.0.0 → 2.0.0)." + AGAIN, e.getMessage());
        assertTrue(java.util.Arrays.equals(ownerBefore, target.readFile(lockDir() + "/owner.json")),
                "a refused run must not touch the lock");
    }

    @Test
    void aLiveHolderOnThisMachineIsNotCalledStale() {
        LockOwner me = LockOwner.current("upgrade 1.0.0 → 2.0.0");
        try (StackLock held = StackLock.acquire(target, dir, me, false)) {
            var e = assertThrows(SlipwayException.class,
                    () -> StackLock.acquire(target, dir, LockOwner.current("rollback"), false));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("Another Slipway run holds the lock on " + dir + " since " + StateFiles.display(me.startedAt())
                    + " (" + me.who() + ", pid " + ProcessHandle.current().pid() + ": upgrade 1.0.0 → 2.0.0)."
                    + AGAIN, e.getMessage());
            assertTrue(exists(held.path()));
        }
    }

    @Test
    void aHolderWhoseProcessIsGoneLooksStale() throws Exception {
        long dead = deadPid();
        plantLock(new LockOwner("root", LockOwner.thisHost(), dead, "2026-11-25T12:03:00Z", "upgrade 1.0.0 → 2.0.0"));
        var e = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Another Slipway run holds the lock on " + dir + " since 2026-11-25 12:03 UTC (root@"
                + LockOwner.thisHost() + ", pid " + dead + ": upgrade 1.0.0 → 2.0.0); it looks stale: that process is gone."
                + AGAIN, e.getMessage());

        // The same dead pid on another machine says nothing about that machine's process.
        plantLock(new LockOwner("root", "some-other-host", dead, "2026-11-25T12:03:00Z", "upgrade"));
        var other = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertFalse(other.getMessage().contains("stale"), other.getMessage());

        // A pid reused by a process started after the lock was taken: the holder is gone.
        plantLock(new LockOwner("root", LockOwner.thisHost(), ProcessHandle.current().pid(),
                "2000-01-01T00:00:00Z", "upgrade"));
        var reused = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertTrue(reused.getMessage().contains("; it looks stale: that process is gone."), reused.getMessage());
    }

    @Test
    void breakLockRemovesTheOldLockAndTakesIt() {
        plantLock(LAPTOP);
        LockOwner me = LockOwner.current("upgrade 1.0.0 → 2.0.0");
        StackLock lock = StackLock.acquire(target, dir, me, true);
        assertEquals(Optional.of(me), StackLock.holder(target, dir));
        assertEquals(List.of("owner.json"), target.list(lockDir()));
        lock.release();
        assertFalse(exists(lockDir()));

        // Breaking when nothing holds the lock just takes it.
        try (StackLock free = StackLock.acquire(target, dir, me, true)) {
            assertEquals(Optional.of(me), StackLock.holder(target, dir));
        }
    }

    @Test
    void releaseLeavesALockAnotherRunBrokeAndTook() {
        LockOwner first = LockOwner.current("upgrade 1.0.0 → 2.0.0");
        StackLock a = StackLock.acquire(target, dir, first, false);
        LockOwner second = new LockOwner("admin", "desk", 77, StateFiles.now(), "rollback");
        StackLock b = StackLock.acquire(target, dir, second, true);
        a.release();
        assertEquals(Optional.of(second), StackLock.holder(target, dir), "the first run removed a lock not its own");
        b.release();
        assertFalse(exists(lockDir()));
    }

    @Test
    void aLockWithoutAReadableOwnerIsStillHeld() {
        String expected = "Another Slipway run holds the lock on " + dir + " (who holds it is not recorded: "
                + lockDir() + "/owner.json is missing or unreadable)." + AGAIN;
        target.mkdirs(lockDir());
        write(lockDir() + "/owner.json", "{\"user\": \"root\", \"ho", null);
        var garbled = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertEquals(ExitCode.REFUSED, garbled.exitCode());
        assertEquals(expected, garbled.getMessage());
        assertEquals(Optional.empty(), StackLock.holder(target, dir));

        StateFiles.remove(target, lockDir() + "/owner.json");
        var missing = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertEquals(expected, missing.getMessage());

        // Even a plain file in the lock's place holds it.
        StateFiles.remove(target, lockDir());
        write(lockDir(), "x", null);
        var file = assertThrows(SlipwayException.class,
                () -> StackLock.acquire(target, dir, LockOwner.current("upgrade"), false));
        assertEquals(expected, file.getMessage());

        LockOwner me = LockOwner.current("upgrade");
        try (StackLock broken = StackLock.acquire(target, dir, me, true)) {
            assertEquals(Optional.of(me), StackLock.holder(target, dir));
        }
    }

    @Test
    void twoRunsRacingForTheLockExactlyOneWins() throws Exception {
        // Two runs, each with its own connection to the target.
        Target second = open();
        try {
            for (int round = 0; round < 6; round++) {
                List<Target> targets = List.of(target, second);
                assertEquals(1, race(targets, round), "round " + round);
                assertFalse(exists(lockDir()));
            }
        } finally {
            second.close();
        }
        // Many threads on one connection.
        for (int round = 0; round < 3; round++) {
            List<Target> same = new ArrayList<>();
            for (int i = 0; i < 6; i++) same.add(target);
            assertEquals(1, race(same, round), "shared round " + round);
        }
    }

    /** Starts one acquire per target at once; returns how many won. Releases the winner's lock. */
    private int race(List<Target> targets, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        var start = new CountDownLatch(1);
        try {
            List<Future<StackLock>> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                LockOwner owner = LockOwner.current("racer " + i + " round " + round);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return StackLock.acquire(t, dir, owner, false);
                    } catch (SlipwayException e) {
                        assertEquals(ExitCode.REFUSED, e.exitCode());
                        assertTrue(e.getMessage().startsWith("Another Slipway run holds the lock on " + dir),
                                e.getMessage());
                        return null;
                    }
                }));
            }
            start.countDown();
            List<StackLock> winners = new ArrayList<>();
            for (Future<StackLock> f : results) {
                StackLock l = f.get(60, TimeUnit.SECONDS);
                if (l != null) winners.add(l);
            }
            for (StackLock l : winners) {
                assertEquals(Optional.of(l.owner()), StackLock.holder(target, dir));
                l.release();
            }
            return winners.size();
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void lockedDirectoryIsResolvedAbsolute() {
        String messy = dir + "/./sub/../";
        try (StackLock lock = StackLock.acquire(target, messy, LockOwner.current("upgrade"), false)) {
            assertEquals(lockDir(), lock.path());
            assertNotEquals(Optional.empty(), StackLock.holder(target, dir));
        }
    }
}
