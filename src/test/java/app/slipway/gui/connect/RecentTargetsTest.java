package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentTargetsTest {
    @TempDir
    Path dir;

    private static RecentTarget ssh(String host, AuthKind auth) {
        return new RecentTarget(ConnectMode.SSH, "deploy", host, 22, auth,
                auth == AuthKind.KEY_FILE ? "/home/deploy/.ssh/id_ed25519" : null, "/home/deploy/.ssh/known_hosts");
    }

    @Test
    void roundTripKeepsEveryFieldMostRecentFirst() throws Exception {
        var recent = new RecentTargets(dir.resolve("slipway/recent-targets.json"));
        var a = ssh("a.example.org", AuthKind.KEY_FILE);
        var b = ssh("b.example.org", AuthKind.PASSWORD);
        recent.remember(a);
        recent.remember(RecentTarget.local());
        List<RecentTarget> list = recent.remember(b);

        assertEquals(List.of(b, RecentTarget.local(), a), list);
        assertEquals(list, new RecentTargets(recent.file()).load());
    }

    @Test
    void theSamePlaceIsListedOnceAndAtMostEightAreKept() throws Exception {
        var recent = new RecentTargets(dir.resolve("recent-targets.json"));
        for (int i = 0; i < 10; i++) recent.remember(ssh("host" + i + ".example.org", AuthKind.AGENT));
        var again = ssh("host5.example.org", AuthKind.KEY_FILE);
        List<RecentTarget> list = recent.remember(again);

        assertEquals(RecentTargets.MAX, list.size());
        assertEquals(again, list.get(0));
        assertEquals(1, list.stream().filter(t -> t.host().equals("host5.example.org")).count());
        List<String> hosts = new ArrayList<>();
        list.forEach(t -> hosts.add(t.host()));
        assertEquals(List.of("host5.example.org", "host9.example.org", "host8.example.org", "host7.example.org",
                "host6.example.org", "host4.example.org", "host3.example.org", "host2.example.org"), hosts);
    }

    @Test
    void theFileIsPrivateAndHoldsNoPasswordField() throws Exception {
        var recent = new RecentTargets(dir.resolve("cfg/slipway/recent-targets.json"));
        recent.remember(ssh("b.example.org", AuthKind.PASSWORD));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(recent.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(recent.file().getParent())));
        String json = Files.readString(recent.file(), StandardCharsets.UTF_8);
        assertTrue(!json.toLowerCase().matches("(?s).*\"password\"\\s*:.*"), json);
        try (var files = Files.list(recent.file().getParent())) {
            assertEquals(List.of(recent.file()), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aCorruptFileIsIgnoredAndThenReplaced() throws Exception {
        Path file = dir.resolve("recent-targets.json");
        Files.writeString(file, "{ this is not json");
        var recent = new RecentTargets(file);
        assertEquals(List.of(), recent.load());

        var a = ssh("a.example.org", AuthKind.AGENT);
        assertEquals(List.of(a), recent.remember(a));
        assertEquals(List.of(a), recent.load());
    }

    @Test
    void unusableEntriesAreSkipped() throws Exception {
        Path file = dir.resolve("recent-targets.json");
        Files.writeString(file, """
                {"format":1,"targets":[
                  {"mode":"SSH","user":"u","host":"ok.example.org","port":22,"auth":"AGENT"},
                  {"mode":"SSH","user":"u","host":"bad-port.example.org","port":99999,"auth":"AGENT"},
                  {"mode":"SSH","host":"no-user.example.org","port":22,"auth":"AGENT"},
                  {"mode":"TELNET"},
                  "text",
                  {"mode":"LOCAL"}
                ]}""");
        List<RecentTarget> list = new RecentTargets(file).load();
        assertEquals(List.of(new RecentTarget(ConnectMode.SSH, "u", "ok.example.org", 22, AuthKind.AGENT, null, null),
                RecentTarget.local()), list);
    }

    @Test
    void theFileFollowsXdgConfigHome() {
        assertEquals(Path.of("/xdg/slipway/recent-targets.json"),
                RecentTargets.defaultFile(Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/me"));
        assertEquals(Path.of("/home/me/.config/slipway/recent-targets.json"),
                RecentTargets.defaultFile(Map.of(), "/home/me"));
        assertEquals(Path.of("/home/me/.config/slipway/recent-targets.json"),
                RecentTargets.defaultFile(Map.of("XDG_CONFIG_HOME", "relative/dir"), "/home/me"));
    }
}
