package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which backups a run keeps: the newest N, and never the only backup of the version running. */
class RetentionChoiceTest {
    private static final Map<String, String> RUNNING_1_0 = Map.of("1.0.0", "the version running");

    /** A backup of {@code version} taken on day {@code day} of January, its files {@code mb} MiB. */
    private static Backup backup(int day, String version, long mb) {
        String id = String.format("202501%02dT000000Z-%s-manual", day, version);
        var manifest = new BackupManifest(id, "App", version, version, Instant.parse(String.format("2025-01-%02dT00:00:00Z", day)),
                "compose.yml", Optional.of(".env"), List.of(new BackupFile("postgres.dump", mb << 20, "a".repeat(64))),
                Optional.empty(), List.of(), List.of());
        return new Backup(id, "/srv/app/backups/" + id, manifest);
    }

    private static List<String> ids(List<Backup> backups) {
        return backups.stream().map(Backup::id).toList();
    }

    @Test
    void keepsTheNewestNTheBackupAboutToBeTakenIncluded() {
        List<Backup> there = List.of(backup(5, "1.0.0", 1), backup(4, "1.0.0", 2), backup(3, "1.0.0", 3),
                backup(2, "1.0.0", 4), backup(1, "1.0.0", 5));

        var choice = RetentionChoice.choose(there, 3, Optional.of("1.0.0"), RUNNING_1_0, Set.of());

        assertEquals(ids(there.subList(0, 2)), ids(choice.kept()), "two old ones and the new one make three");
        assertEquals(ids(there.subList(2, 5)), ids(choice.removed()), "the oldest go, newest first");
        assertEquals((3L + 4 + 5) << 20, choice.freedBytes());
        assertEquals(List.of(), choice.spared());
    }

    @Test
    void withoutANewBackupTheNewestNStay() {
        List<Backup> there = List.of(backup(3, "1.0.0", 1), backup(2, "1.0.0", 1), backup(1, "1.0.0", 1));
        var choice = RetentionChoice.choose(there, 2, Optional.empty(), RUNNING_1_0, Set.of());
        assertEquals(ids(there.subList(0, 2)), ids(choice.kept()));
        assertEquals(ids(there.subList(2, 3)), ids(choice.removed()));
    }

    @Test
    void neverRemovesTheOnlyBackupOfTheVersionRunning() {
        // Upgraded to 2.0.0 and back by hand: the only way back to 1.0.0's data is the oldest backup.
        Backup only = backup(1, "1.0.0", 1);
        List<Backup> there = List.of(backup(4, "2.0.0", 1), backup(3, "2.0.0", 1), backup(2, "1.5.0", 1), only);

        var choice = RetentionChoice.choose(there, 2, Optional.empty(), RUNNING_1_0, Set.of());

        assertEquals(List.of("20250104T000000Z-2.0.0-manual", "20250103T000000Z-2.0.0-manual"), ids(choice.kept()));
        assertEquals(List.of(new RetentionChoice.Spared(only, "the only backup of 1.0.0, the version running")),
                choice.spared());
        assertEquals(List.of("20250102T000000Z-1.5.0-manual"), ids(choice.removed()));
    }

    @Test
    void onlyTheNewestBackupOfThatVersionIsSparedAndNoneWhenANewerOneIsKept() {
        List<Backup> there = List.of(backup(4, "2.0.0", 1), backup(2, "1.0.0", 1), backup(1, "1.0.0", 1));

        var spared = RetentionChoice.choose(there, 1, Optional.empty(), RUNNING_1_0, Set.of());
        assertEquals(List.of("20250102T000000Z-1.0.0-manual"), spared.spared().stream().map(s -> s.backup().id()).toList());
        assertEquals(List.of("20250101T000000Z-1.0.0-manual"), ids(spared.removed()));

        // The backup being taken holds 1.0.0: it restores the version running, so the old ones may go.
        var covered = RetentionChoice.choose(there, 1, Optional.of("1.0.0"), RUNNING_1_0, Set.of());
        assertEquals(List.of(), covered.spared());
        assertEquals(ids(there), ids(covered.removed()));
    }

    @Test
    void theBackupOfAnInterruptedRunStays() {
        List<Backup> there = List.of(backup(3, "1.0.0", 1), backup(2, "1.0.0", 1), backup(1, "0.9.0", 1));
        var choice = RetentionChoice.choose(there, 1, Optional.of("1.0.0"), RUNNING_1_0,
                Set.of("20250101T000000Z-0.9.0-manual"));
        assertEquals(List.of("the backup of the interrupted run"), choice.spared().stream().map(RetentionChoice.Spared::why).toList());
        assertEquals(List.of("20250103T000000Z-1.0.0-manual", "20250102T000000Z-1.0.0-manual"), ids(choice.removed()));
    }

    @Test
    void anUnknownVersionIsNeverOneToKeep() {
        List<Backup> there = List.of(backup(2, "1.0.0", 1), backup(1, "", 1));
        var choice = RetentionChoice.choose(there, 1, Optional.empty(), Map.of("unknown", "the version running"), Set.of());
        assertEquals(List.of(), choice.spared());
        assertEquals(List.of("20250101T000000Z--manual"), ids(choice.removed()));
    }

    @Test
    void keepingNothingIsBadInput() {
        var e = assertThrows(SlipwayException.class,
                () -> RetentionChoice.choose(List.of(), 0, Optional.empty(), Map.of(), Set.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("--keep must be 1 or more (the backup just taken is always kept), not 0.", e.getMessage());
    }
}
