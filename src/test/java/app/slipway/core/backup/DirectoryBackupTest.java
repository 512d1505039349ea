package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.stack.StackState;
import app.slipway.e2e.FixtureStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PGlite-style host directories: copied with the services stopped, restored with the stack stopped. */
class DirectoryBackupTest {
    @Test
    void directoriesAreArchivedWithTheServicesStoppedAndRestored(@TempDir Path tmp) throws Exception {
        Path profile = BackupTestbed.profileWithBackup(tmp, """
                backup:
                  postgres: {service: db, database: fixture, user: postgres}
                  directories: [data/pglite, data/missing]
                """);
        try (FixtureStack stack = BackupTestbed.startStack(); Connection c = BackupTestbed.local()) {
            Path pglite = Files.createDirectories(stack.directory().resolve("data/pglite/base"));
            Files.writeString(pglite.resolve("../PG_VERSION"), "17\n");
            Files.writeString(pglite.resolve("1"), "table bytes\n");
            StackState state = BackupTestbed.inspect(c, stack, profile);
            Set<String> runningBefore = running(c, state);
            var events = new BackupTestbed.Events();

            Backup backup = new BackupWriter().write(c, state, "2.0.0", "2.1.0", events);

            assertEquals(List.of(new DirectoryEntry("data/pglite", "directory-data-pglite.tar")),
                    backup.manifest().directories());
            String listing = BackupTestbed.run(null, null, "tar", "-tf", backup.pathOf("directory-data-pglite.tar"));
            assertTrue(listing.lines().anyMatch(l -> l.equals("./PG_VERSION")), listing);
            assertTrue(listing.lines().anyMatch(l -> l.equals("./base/1")), listing);
            List<String> lines = events.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("Skipping directory data/missing")), lines.toString());
            int stop = indexOf(lines, " stop ");
            int tar = indexOf(lines, "tar -C " + stack.directory() + "/data/pglite");
            int start = indexOf(lines, " start ");
            assertTrue(stop >= 0 && stop < tar && tar < start, "stop, copy, start: " + lines);
            assertEquals(Set.of("db", "job", "web"), runningBefore);
            assertEquals(runningBefore, running(c, state), "the services that ran are running again");
            events.assertNoSecret();

            // restore: refused while the stack runs, done once it is stopped
            Files.writeString(pglite.resolve("1"), "changed after the backup\n");
            Files.writeString(pglite.resolve("stray"), "x");
            var refused = assertThrows(SlipwayException.class,
                    () -> new DirectoryRestore().restore(c, state, backup, new BackupTestbed.Events()));
            assertEquals(ExitCode.REFUSED, refused.exitCode());
            stack.compose("stop");
            try {
                new DirectoryRestore().restore(c, state, backup, new BackupTestbed.Events());
            } finally {
                stack.compose("start");
            }
            assertEquals("table bytes\n", Files.readString(pglite.resolve("1")));
            assertEquals("17\n", Files.readString(pglite.resolve("../PG_VERSION")));
            assertFalse(Files.exists(pglite.resolve("stray")));
        }
    }

    private static Set<String> running(Connection c, StackState state) {
        return c.engine().containersOf(state.project()).stream()
                .filter(ServiceContainer::isRunning).map(ServiceContainer::service).collect(Collectors.toSet());
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) return i;
        }
        return -1;
    }
}
