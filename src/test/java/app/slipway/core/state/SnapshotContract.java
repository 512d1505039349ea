package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.stack.EnvFile;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.stack.StackFilesReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class SnapshotContract extends StateFixture {
    static final String COMPOSE = "# Strata — café edition\r\nservices:\r\n  web:\r\n"
            + "    image: 127.0.0.1:5555/slipway-fixture/app:${APP_VERSION:-latest}\r\n"
            + "  job:\r\n    image: 127.0.0.1:5555/slipway-fixture/app:${APP_VERSION:-latest}   \r\n";
    static final String ENV = "# secrets\r\nAPP_VERSION=1.0.0\r\nSECRET_KEY_BASE=\"s3cr3t with spaces\"\r\n\r\nNO_NEWLINE=1";
    static final List<ImageInUse> IMAGES = List.of(
            new ImageInUse("web", "127.0.0.1:5555/slipway-fixture/app:1.0.0", "sha256:" + "a".repeat(64)),
            new ImageInUse("job", "127.0.0.1:5555/slipway-fixture/app:1.0.0", "sha256:" + "b".repeat(64)));

    String snap() {
        return dir + "/.slipway/snapshot";
    }

    @Test
    void restoresBothFilesByteForByteWithTheirModes() {
        write(dir + "/compose.yml", COMPOSE, 0640);
        write(dir + "/.env", ENV, 0600);
        StackFiles files = StackFilesReader.read(target, dir);

        Snapshot taken = Snapshot.take(target, files, IMAGES);
        assertEquals(IMAGES, taken.images());
        assertEquals(dir, taken.directory());
        assertEquals("compose.yml", taken.composeFileName());
        // The copies are private, whatever the originals' modes: .env holds secrets.
        assertEquals(0600, mode(snap() + "/.env"));
        assertEquals(0600, mode(snap() + "/compose.yml"));
        assertEquals(List.of(".env", "compose.yml", "images.json", "snapshot.json"), target.list(snap()));

        // The upgrade changes both files, their modes too.
        write(dir + "/.env", "APP_VERSION=2.0.0\n", 0644);
        write(dir + "/compose.yml", "services: {}\n", 0600);

        Snapshot loaded = Snapshot.load(target, dir).orElseThrow();
        assertEquals(taken, loaded);
        assertEquals(IMAGES, loaded.images());
        loaded.restoreFiles(target);

        assertArrayEquals(ENV.getBytes(StandardCharsets.UTF_8), target.readFile(dir + "/.env"));
        assertArrayEquals(COMPOSE.getBytes(StandardCharsets.UTF_8), target.readFile(dir + "/compose.yml"));
        assertEquals(0600, mode(dir + "/.env"));
        assertEquals(0640, mode(dir + "/compose.yml"));
        assertEquals(List.of(".env", ".slipway", "compose.yml"), target.list(dir), "no temporary files left");
    }

    @Test
    void keepsBytesThatAreNotUtf8() {
        byte[] env = {'A', '=', (byte) 0xff, (byte) 0xfe, '\r', '\n', 'B', '=', 0, '\n'};
        byte[] compose = {'s', ':', ' ', (byte) 0xc3, '\r', '\n'};
        target.writeFileAtomically(dir + "/docker-compose.yml", compose, 0644);
        target.writeFileAtomically(dir + "/.env", env, 0600);
        // The decoded text in StackFiles is lossy; the snapshot reads the bytes itself.
        var files = new StackFiles(dir, "docker-compose.yml", "s: ?", Optional.of("A=??"), EnvFile.parse(""));
        Snapshot.take(target, files, List.of());
        target.writeFileAtomically(dir + "/.env", new byte[] {'x'}, null);
        target.writeFileAtomically(dir + "/docker-compose.yml", new byte[] {'y'}, null);

        Snapshot loaded = Snapshot.load(target, dir).orElseThrow();
        assertArrayEquals(env, loaded.envBytes().orElseThrow());
        assertArrayEquals(compose, loaded.composeBytes());
        assertEquals(List.of(), loaded.images());
        loaded.restoreFiles(target);
        assertArrayEquals(env, target.readFile(dir + "/.env"));
        assertArrayEquals(compose, target.readFile(dir + "/docker-compose.yml"));
    }

    @Test
    void aStackWithoutEnvGetsItsEnvRemovedOnRestore() {
        write(dir + "/docker-compose.yml", COMPOSE, null);
        Snapshot taken = Snapshot.take(target, StackFilesReader.read(target, dir), IMAGES);
        assertEquals(Optional.empty(), taken.envBytes());
        assertFalse(exists(snap() + "/.env"));

        // The upgrade pins the version in a new .env.
        write(dir + "/.env", "APP_VERSION=2.0.0\n", 0600);
        write(dir + "/docker-compose.yml", "changed\n", null);

        Snapshot loaded = Snapshot.load(target, dir).orElseThrow();
        assertEquals(Optional.empty(), loaded.envBytes());
        loaded.restoreFiles(target);
        assertFalse(exists(dir + "/.env"));
        assertEquals(COMPOSE, read(dir + "/docker-compose.yml"));
        assertEquals(0644, mode(dir + "/docker-compose.yml"));
        loaded.restoreFiles(target); // twice is fine: nothing to remove then
        assertFalse(exists(dir + "/.env"));
    }

    @Test
    void aNewSnapshotReplacesTheOldOne() {
        write(dir + "/compose.yml", COMPOSE, null);
        write(dir + "/.env", ENV, 0600);
        Snapshot.take(target, StackFilesReader.read(target, dir), IMAGES);
        StateFiles.remove(target, dir + "/.env");
        write(dir + "/compose.yml", "services:\n  web:\n    image: x:2\n", null);
        List<ImageInUse> now = List.of(new ImageInUse("web", "x:2", "sha256:" + "c".repeat(64)));
        Snapshot.take(target, StackFilesReader.read(target, dir), now);

        assertFalse(exists(snap() + "/.env"), "the old .env copy must not linger");
        Snapshot loaded = Snapshot.load(target, dir).orElseThrow();
        assertEquals(now, loaded.images());
        assertEquals(Optional.empty(), loaded.envBytes());
        assertEquals("services:\n  web:\n    image: x:2\n", new String(loaded.composeBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void noSnapshotOrAnUnfinishedOneLoadsAsNone() {
        assertEquals(Optional.empty(), Snapshot.load(target, dir));
        write(dir + "/compose.yml", COMPOSE, null);
        Snapshot.take(target, StackFilesReader.read(target, dir), IMAGES);
        // A take interrupted before its last write leaves no snapshot.json behind.
        StateFiles.remove(target, snap() + "/snapshot.json");
        assertEquals(Optional.empty(), Snapshot.load(target, dir));
    }

    @Test
    void aDamagedSnapshotIsRefusedClearly() {
        write(dir + "/compose.yml", COMPOSE, null);
        write(dir + "/.env", ENV, 0600);
        Snapshot.take(target, StackFilesReader.read(target, dir), IMAGES);

        write(snap() + "/.env", ENV.replace("1.0.0", "2.0.0"), 0600);
        var changed = assertThrows(SlipwayException.class, () -> Snapshot.load(target, dir));
        assertEquals(ExitCode.REFUSED, changed.exitCode());
        assertEquals("The snapshot in " + snap() + " is damaged: the copy .env does not match what was recorded;"
                + " restore .env and the compose file from a backup in the install directory's backups/ instead.",
                changed.getMessage());
        assertFalse(changed.getMessage().contains("s3cr3t"));

        StateFiles.remove(target, snap() + "/.env");
        var missing = assertThrows(SlipwayException.class, () -> Snapshot.load(target, dir));
        assertTrue(missing.getMessage().contains("the copy .env is missing"), missing.getMessage());

        write(snap() + "/snapshot.json", "{\"format\": 1, \"composeFile", null);
        var json = assertThrows(SlipwayException.class, () -> Snapshot.load(target, dir));
        assertEquals(ExitCode.REFUSED, json.exitCode());
        assertTrue(json.getMessage().startsWith("The snapshot in " + snap() + " is damaged: snapshot.json cannot be read ("),
                json.getMessage());
    }

    @Test
    void restoreReplacesFilesByRename() {
        write(dir + "/compose.yml", COMPOSE, null);
        write(dir + "/.env", ENV, 0600);
        Snapshot s = Snapshot.take(target, StackFilesReader.read(target, dir), IMAGES);
        String envInode = inode(dir + "/.env");
        s.restoreFiles(target);
        assertFalse(envInode.equals(inode(dir + "/.env")), ".env was rewritten in place, not replaced atomically");
        assertEquals(List.of(".env", ".slipway", "compose.yml"), target.list(dir));
    }
}
