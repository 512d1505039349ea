package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup.verify}: the restore drill after every backup, off unless the profile asks. */
class BackupVerifyTest {
    @TempDir
    Path dir;

    private Profile load(String backupYaml) throws IOException {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "name: X\nversion_variable: V\nimages: [r.example/a/b]\nhealth: {url: http://h/up}\n"
                + backupYaml);
        return new ProfileLoader().loadFile(file);
    }

    @Test
    void offUnlessAskedAndKeptWhenTheSpecIsChosenForAStack() throws IOException {
        assertFalse(load("backup:\n  postgres: {service: db, database: d, user: u}\n").backup().verify());
        assertFalse(load("").backup().verify());

        BackupSpec asked = load("backup:\n  postgres: {service: db, database: d, user: u}\n  verify: true\n").backup();
        assertTrue(asked.verify());
        assertTrue(asked.forStack(Map.of(), List.of("db")).verify(), "the stack's spec keeps it");
        assertEquals("db", asked.forStack(Map.of(), List.of("db")).postgres().orElseThrow().service());
    }

    @Test
    void anythingButTrueOrFalseIsRefusedNamingTheKey() {
        var e = assertThrows(SlipwayException.class, () -> load("backup:\n  verify: often\n"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("backup.verify must be true or false"), e.getMessage());
    }
}
