package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileErrorsTest {
    @TempDir
    Path dir;

    private SlipwayException failure(String yaml) throws IOException {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, yaml);
        var e = assertThrows(SlipwayException.class, () -> new ProfileLoader().loadFile(file));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith("profile " + file.toAbsolutePath().normalize() + ": "), e.getMessage());
        return e;
    }

    private static void assertMentions(SlipwayException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void unknownNameOrMissingFile() {
        var loader = new ProfileLoader(dir);
        for (String given : new String[] {"stratta", "missing.yml", dir.resolve("nope/x.yml").toString()}) {
            var e = assertThrows(SlipwayException.class, () -> loader.load(given));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals("No profile named '" + given + "': use strata, appstrate or a path to a profile file.",
                    e.getMessage());
        }
        var blank = assertThrows(SlipwayException.class, () -> loader.load(" "));
        assertEquals(ExitCode.BAD_INPUT, blank.exitCode());
    }

    @Test
    void aDirectoryIsNotAProfile() throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        var e = assertThrows(SlipwayException.class, () -> new ProfileLoader(dir).load("profiles"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertMentions(e, "is a directory");
    }

    @Test
    void badYamlNamesTheLine() throws IOException {
        var e = failure("name: X\nversion_variable: V\nimages: [a/b\nhealth: {url: http://h/}\n");
        assertMentions(e, "invalid YAML at line ");
        var tab = failure("name: X\nversion_variable: V\n\timages: [a/b]\n");
        assertMentions(tab, "invalid YAML at line 3");
        var dup = failure("name: X\nname: Y\n");
        assertMentions(dup, "invalid YAML at line 2", "duplicate key name");
        var tag = failure("name: !!java.io.File x\n");
        assertMentions(tag, "invalid YAML at line 1");
    }

    @Test
    void notUtf8() throws IOException {
        Path file = dir.resolve("latin1.yml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        var e = assertThrows(SlipwayException.class, () -> new ProfileLoader().loadFile(file));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertMentions(e, "not UTF-8");
    }

    @Test
    void emptyOrNonMappingDocument() throws IOException {
        assertMentions(failure(""), "must be a YAML mapping");
        assertMentions(failure("- a\n- b\n"), "must be a YAML mapping");
        assertMentions(failure("just text\n"), "must be a YAML mapping");
    }

    private static final String OK_HEAD = "name: X\nversion_variable: V\nimages: [a/b]\nhealth: {url: \"http://127.0.0.1/\"}\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        missing name               | version_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/}                   | name must be given
        name is a list             | name: [a]\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/}        | name must be text, not a list
        blank name                 | name: ''\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/}         | name must be non-empty text
        bad version variable       | name: X\\nversion_variable: 1-V\\nimages: [a/b]\\nhealth: {url: http://h/}        | version_variable must be an environment variable name
        missing images             | name: X\\nversion_variable: V\\nhealth: {url: http://h/}                          | images must be a list
        images is text             | name: X\\nversion_variable: V\\nimages: a/b\\nhealth: {url: http://h/}            | images must be a list
        empty images               | name: X\\nversion_variable: V\\nimages: []\\nhealth: {url: http://h/}             | images must be a non-empty list
        image with tag             | name: X\\nversion_variable: V\\nimages: ['a/b:1']\\nhealth: {url: http://h/}      | images[0] must be an image repository without a tag or digest
        invalid image              | name: X\\nversion_variable: V\\nimages: [Bad Image]\\nhealth: {url: http://h/}    | images[0] must be an image repository without a tag
        repeated image             | name: X\\nversion_variable: V\\nimages: [postgres, docker.io/library/postgres]\\nhealth: {url: http://h/} | images must be a list without repeats
        image is a mapping         | name: X\\nversion_variable: V\\nimages: [{a: b}]\\nhealth: {url: http://h/}       | images[0] must be an image repository without a tag, like ghcr.io/owner/app, not a mapping
        missing health             | name: X\\nversion_variable: V\\nimages: [a/b]                                     | health must be a mapping
        health is a list           | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: [x]                       | health must be a mapping, not a list
        missing health url         | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {timeout: 3m}             | health.url must be given
        health url not http        | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: 'ftp://h/'}         | health.url must be an absolute http(s) URL
        health url relative        | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: /up}                | health.url must be an absolute http(s) URL
        health url bad template    | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: 'http://h:${PORT/'}  | health.url must be text whose ${...} references
        bad duration               | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/, timeout: 3 minutes} | health.timeout must be a positive duration like 180s, 3m or 90 (seconds) (got '3 minutes')
        zero duration              | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/, timeout: 0} | health.timeout must be a positive duration
        duration is a list         | name: X\\nversion_variable: V\\nimages: [a/b]\\nhealth: {url: http://h/, timeout: [1]} | health.timeout must be a duration like 180s, 3m or 90 (seconds), not a list
        """)
    void wrongTypesAndValuesInTheCoreKeys(String label, String yaml, String expected) throws IOException {
        assertMentions(failure(yaml.replace("\\n", "\n")), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        renames is a list          | renames: [worker]                                       | renames must be a mapping, not a list
        rename to a list           | renames: {worker: [job]}                                | renames.worker must be a service name, not a list
        rename to itself           | renames: {worker: worker}                               | renames.worker must be a different service name than 'worker'
        rename chain               | renames: {old: worker, worker: job}                     | renames.old must be a final service name, but 'worker' is itself renamed
        bad service name           | renames: {worker: 'j o b'}                              | renames.worker must be a service name
        backup is text             | backup: yes                                             | backup must be a mapping
        postgres missing database  | backup: {postgres: {service: db, user: u}}              | backup.postgres.database must be given
        postgres missing user      | backup: {postgres: {service: db, database: d}}          | backup.postgres.user must be given
        postgres bad template      | backup: {postgres: {service: db, database: d, user: '${U'}} | backup.postgres.user must be text whose
        volumes not a list         | backup: {volumes: {service: web}}                       | backup.volumes must be a list of {service, path}
        volume relative path       | backup: {volumes: [{service: web, path: rails/storage}]} | backup.volumes[0].path must be an absolute path inside the container
        volume missing service     | backup: {volumes: [{path: /x}]}                         | backup.volumes[0].service must be given
        directory escapes          | backup: {directories: [../outside]}                     | backup.directories[0] must be a relative path that stays under the install directory
        directory absolute         | backup: {directories: [/var/lib/x]}                     | backup.directories[0] must be a relative path
        releases is text           | releases: owner/repo                                    | releases must be a mapping
        releases missing github    | releases: {api: 'http://127.0.0.1/'}                    | releases.github must be given
        releases bad github        | releases: {github: not-a-repo}                          | releases.github must be a GitHub repository as owner/repo
        releases bad api           | releases: {github: o/r, api: 'localhost:8080'}          | releases.api must be an absolute http(s) URL
        releases bad changelog     | releases: {github: o/r, changelog: CHANGELOG.md}        | releases.changelog must be an absolute http(s) URL
        install missing compose    | install: {env: {A: b}}                                  | install.compose must be given
        install other scheme       | install: {compose: 'ftp://h/compose.yml'}               | install.compose must be an http(s) URL or a path relative to the profile file
        env is a list              | install: {compose: c.yml, env: [A]}                     | install.env must be a mapping, not a list
        env bad key                | install: {compose: c.yml, env: {'MY-KEY': x}}           | install.env.MY-KEY must be an environment variable name
        env value is a mapping     | install: {compose: c.yml, env: {A: {b: c}}}             | install.env.A must be a text value, not a mapping
        unknown secret kind        | install: {compose: c.yml, secrets: {S: hex8}}           | install.secrets.S must be one of hex16, hex32, hex64, base64-32, base64url-24, base64url-32, alnum32 (got 'hex8')
        secret kind is a list      | install: {compose: c.yml, secrets: {S: [hex16]}}        | install.secrets.S must be one of hex16
        secret also in env         | install: {compose: c.yml, env: {S: x}, secrets: {S: hex16}} | install.secrets.S must be either a default in install.env or a generated secret, not both
        version variable as secret | install: {compose: c.yml, secrets: {V: hex16}}          | install.secrets.V must be absent
        """)
    void wrongTypesAndValuesInTheOptionalSections(String label, String yaml, String expected) throws IOException {
        assertMentions(failure(OK_HEAD + yaml + "\n"), expected);
    }

    @Test
    void builtInProfilesNameFilesShippedBesideThemAndNothingOutside() {
        var parser = new ProfileParser("builtin-test", null);
        Object ok = ProfileYaml.read(OK_HEAD + "install: {compose: \"strata/{version}/compose.yml\"}\n", "builtin-test");
        assertEquals(java.util.Optional.of("profiles/strata/1.2.0/compose.yml"),
                parser.parse(ok).requireInstall().compose().at("1.2.0").resource());
        Object outside = ProfileYaml.read(OK_HEAD + "install: {compose: ../../etc/compose.yml}\n", "builtin-test");
        var e = assertThrows(SlipwayException.class, () -> parser.parse(outside));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("profile builtin-test: install.compose must be a file beside the built-in profile (got '../../etc/compose.yml').",
                e.getMessage());
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        Path file = dir.resolve("future.yml");
        Files.writeString(file, OK_HEAD + "hooks: {pre: [x]}\nhealth_extra: 1\nbackup: {s3: {bucket: b}}\n");
        assertEquals("X", new ProfileLoader().loadFile(file).name());
    }
}
