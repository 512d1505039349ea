package app.slipway.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.releases.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    private static final String FILE = "/srv/app/.slipway/policy.yml";

    private static String refusal(String text) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> PolicyFile.parse(text, FILE));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void readsEverySetting() {
        UpdatePolicy p = PolicyFile.parse("""
                # what may happen without me
                level: patch
                prereleases: true
                min_age: 7d
                skip: [2.3.1, v2.4.0]
                unattended: true
                """, FILE);

        assertEquals(new UpdatePolicy(UpdateLevel.PATCH, true, Duration.ofDays(7),
                List.of(Version.parse("2.3.1"), Version.parse("2.4.0")), true, Optional.of(FILE)), p);
        assertEquals("patch steps, prereleases too, releases at least 7d old, skipping 2.3.1, v2.4.0, unattended (" + FILE + ")",
                p.summary());
    }

    @Test
    void missingKeysKeepTheDefaultsAndAnEmptyFileIsTheDefault() {
        UpdatePolicy p = PolicyFile.parse("level: major\nskip: 1.2.3\n", FILE);
        assertEquals(UpdateLevel.MAJOR, p.level());
        assertEquals(List.of(Version.parse("1.2.3")), p.skip(), "one version needs no list");
        assertEquals(false, p.unattended());

        UpdatePolicy empty = PolicyFile.parse("# nothing yet\n", FILE);
        assertEquals(UpdatePolicy.DEFAULT.level(), empty.level());
        assertEquals(Optional.of(FILE), empty.file());
    }

    @Test
    void agesTakeHoursDaysAndWeeks() {
        assertEquals(Duration.ofHours(36), PolicyFile.parse("min_age: 36h", FILE).minimumAge());
        assertEquals(Duration.ofDays(14), PolicyFile.parse("min_age: 2w", FILE).minimumAge());
        assertEquals(Duration.ZERO, PolicyFile.parse("min_age: 0", FILE).minimumAge());
        assertEquals("14d", AgeText.format(Duration.ofDays(14)));
    }

    @Test
    void badValuesAreRefusedNamingTheLineAndTheKey() {
        assertEquals(FILE + ", line 2: level must be patch, minor or major (got 'minr').", refusal("prereleases: false\nlevel: minr\n"));
        assertEquals(FILE + ", line 1: prereleases must be true or false (got 'yes please').", refusal("prereleases: yes please"));
        assertEquals(FILE + ", line 3: min_age must be an age like 36h, 7d or 2w, or 0 (got '7 days').",
                refusal("level: minor\n\nmin_age: 7 days\n"));
        assertEquals(FILE + ", line 3: skip[1] must be a version like 1.2.3 or v1.2.3 (got 'latest').",
                refusal("skip:\n  - 1.2.3\n  - latest\n"));
        assertEquals(FILE + ", line 1: unattended must be true or false, not a list.", refusal("unattended: [true]"));
    }

    @Test
    void unknownAndRepeatedKeysAreRefused() {
        assertEquals(FILE + ", line 2: 'levle' is not a setting Slipway knows; use level, prereleases, min_age, skip, unattended.",
                refusal("unattended: false\nlevle: patch\n"));
        assertEquals(FILE + ", line 2: level is given twice; keep one.", refusal("level: patch\nlevel: major\n"));
    }

    @Test
    void brokenYamlAndAListAtTheTopAreRefused() {
        String broken = refusal("level: [patch\nunattended: true\n");
        assertTrue(broken.startsWith(FILE + ", line "), broken);
        assertTrue(broken.endsWith("fix the file and try again."), broken);
        assertEquals(FILE + ", line 1: the file must be a mapping of settings (key: value lines).", refusal("- level: patch\n"));
    }

    @Test
    void readFromTheTargetOrTheDefaultWhenAbsent(@TempDir Path dir) throws Exception {
        var target = new LocalTarget();
        assertEquals(UpdatePolicy.DEFAULT, PolicyFile.read(target, dir.toString()));

        Files.createDirectories(dir.resolve(".slipway"));
        Files.writeString(dir.resolve(".slipway/policy.yml"), "level: patch\n");
        UpdatePolicy p = PolicyFile.read(target, dir.toString());
        assertEquals(UpdateLevel.PATCH, p.level());
        assertEquals(Optional.of(dir + "/.slipway/policy.yml"), p.file());
    }

    @Test
    void whatTheEditorWritesReadsBackTheSame(@TempDir Path stack) throws Exception {
        var policy = new UpdatePolicy(UpdateLevel.MAJOR, true, Duration.ofDays(7),
                List.of(Version.parse("2.1.0"), Version.parse("v3.0.0-rc.1")), true, Optional.empty());
        var target = new LocalTarget();
        PolicyFile.write(target, stack.toString(), policy);
        UpdatePolicy read = PolicyFile.read(target, stack.toString());
        assertEquals(policy.level(), read.level());
        assertEquals(policy.prereleases(), read.prereleases());
        assertEquals(policy.minimumAge(), read.minimumAge());
        assertEquals(policy.skip(), read.skip());
        assertEquals(policy.unattended(), read.unattended());
        assertEquals(UpdatePolicy.DEFAULT.level(), PolicyFile.parse(PolicyFile.text(UpdatePolicy.DEFAULT), "x").level());
        assertEquals(List.of(), PolicyFile.parse(PolicyFile.text(UpdatePolicy.DEFAULT), "x").skip());
        assertTrue(Files.readString(stack.resolve(".slipway/policy.yml")).startsWith("# The stack's update policy"));
    }
}
