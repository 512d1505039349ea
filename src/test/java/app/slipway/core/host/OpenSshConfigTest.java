package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.SlipwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.ssh/config as OpenSSH reads it (ssh_config(5)); each case is one rule of that page. */
class OpenSshConfigTest {
    @TempDir
    Path ssh;

    private Path config(String text) throws Exception {
        Path f = ssh.resolve("config");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theFirstValueThatAppliesWinsAndIdentityFilesAddUp() throws Exception {
        Path f = config("""
                Host web*
                  HostName 10.0.0.5
                  User deploy
                  IdentityFile ~/.ssh/web_key
                Host *
                  User nobody
                  Port 2200
                  IdentityFile ~/.ssh/fallback
                """);
        SshSettings s = SshSettings.parse("ssh://web1", f);
        assertEquals("deploy", s.user(), "the first User that applies, not the later Host *");
        assertEquals(2200, s.port(), "a keyword first set under Host * still applies");
        String home = System.getProperty("user.home");
        assertEquals(List.of(Path.of(home, ".ssh/web_key"), Path.of(home, ".ssh/fallback")), s.options().identityFiles());
    }

    @Test
    void negatedPatternsExcludeAHost() throws Exception {
        Path f = config("""
                Host * !bastion
                  ProxyJump bastion
                Host bastion
                  HostName 203.0.113.1
                  User jump
                """);
        assertTrue(SshSettings.parse("ssh://bastion", f).options().jumps().isEmpty(), "the bastion is not sent through itself");
        var jumps = SshSettings.parse("ssh://app.internal", f).options().jumps();
        assertEquals(1, jumps.size());
        assertEquals("jump@203.0.113.1:22", jumps.get(0).user() + "@" + jumps.get(0).hostPort(),
                "the jump host is resolved through the config too");
    }

    @Test
    void includeFollowsGlobsRelativeToTheSshDirectoryAndOnlyWhereItsBlockApplies() throws Exception {
        Files.createDirectories(ssh.resolve("config.d"));
        Files.writeString(ssh.resolve("config.d/10-work"), "Host db\n  HostName 10.1.0.9\n  User dba\n");
        Files.writeString(ssh.resolve("config.d/20-lab"), "Host lab\n  HostName 10.2.0.1\n");
        Files.writeString(ssh.resolve("only-for-web"), "User from-include\n");
        Path f = config("""
                Include config.d/*
                Host web
                  Include only-for-web
                Host other
                  Include only-for-web
                Host *
                  User default
                """);
        assertEquals("10.1.0.9", SshSettings.parse("ssh://db", f).host());
        assertEquals("dba", SshSettings.parse("ssh://db", f).user());
        assertEquals("10.2.0.1", SshSettings.parse("ssh://lab", f).host());
        assertEquals("from-include", SshSettings.parse("ssh://web", f).user(), "included inside the Host web block");
        assertEquals("default", SshSettings.parse("ssh://elsewhere", f).user(), "the include under Host other is skipped");
    }

    @Test
    void matchHostSeesTheHostNameAndOriginalHostTheAlias() throws Exception {
        Path f = config("""
                Host prod
                  HostName 10.9.0.1
                Match host 10.9.*
                  User ops
                Match originalhost prod
                  Port 2022
                Match exec "true"
                  User never
                """);
        SshSettings s = SshSettings.parse("ssh://prod", f);
        assertEquals("ops", s.user());
        assertEquals(2022, s.port());
        assertEquals("10.9.0.1", s.host());
    }

    @Test
    void proxyJumpChainsInOrderWithUsersAndPorts() throws Exception {
        Path f = config("""
                Host target
                  HostName 10.0.0.9
                  ProxyJump alice@edge.example:2201,ssh://bob@[2001:db8::1]:2202,inner
                Host inner
                  HostName 10.0.0.2
                  User carol
                """);
        var jumps = SshSettings.parse("ssh://target", f).options().jumps();
        assertEquals(List.of("alice@edge.example:2201", "bob@[2001:db8::1]:2202", "carol@10.0.0.2:22"),
                jumps.stream().map(j -> j.user() + "@" + j.hostPort()).toList());
        assertEquals("via alice@edge.example:2201 → bob@[2001:db8::1]:2202 → carol@10.0.0.2:22",
                SshSettings.parse("ssh://target", f).options().path());
    }

    @Test
    void aJumpHostsOwnJumpHostComesFirst() throws Exception {
        Path f = config("""
                Host app
                  ProxyJump inner
                Host inner
                  ProxyJump edge
                """);
        assertEquals(List.of("edge", "inner"),
                SshSettings.parse("ssh://app", f).options().jumps().stream().map(SshSettings::host).toList());
    }

    @Test
    void aLoopOfJumpHostsIsOneSentence() throws Exception {
        Path f = config("""
                Host *
                  ProxyJump gate
                """);
        var e = assertThrows(SlipwayException.class, () -> SshSettings.parse("ssh://app", f));
        assertTrue(e.getMessage().contains("ProxyJump that leads back to itself"), e.getMessage());
    }

    @Test
    void proxyCommandOrProxyJumpWhicheverComesFirst() throws Exception {
        Path f = config("""
                Host a
                  ProxyCommand nc -X connect -x proxy:3128 %h %p
                Host a b
                  ProxyJump gate
                Host c
                  ProxyJump none
                """);
        SshSettings a = SshSettings.parse("ssh://a", f);
        assertEquals("nc -X connect -x proxy:3128 %h %p", a.options().proxyCommand());
        assertTrue(a.options().jumps().isEmpty());
        assertEquals("nc -X connect -x proxy:3128 a 22", CommandProxy.expand(a.options().proxyCommand(), a));
        assertEquals(1, SshSettings.parse("ssh://b", f).options().jumps().size());
        assertTrue(SshSettings.parse("ssh://c", f).options().jumps().isEmpty(), "ProxyJump none");
    }

    @Test
    void hostKeysAgentAndIdentitiesOnly() throws Exception {
        Path f = config("""
                Host strict
                  StrictHostKeyChecking yes
                Host trusting
                  StrictHostKeyChecking accept-new
                  UserKnownHostsFile ~/.ssh/known_%h other_file
                  IdentityAgent none
                  IdentitiesOnly yes
                Host sock
                  IdentityAgent ~/.ssh/agent.sock
                """);
        assertFalse(SshSettings.parse("ssh://strict", f).acceptNewHostKey());
        SshSettings t = SshSettings.parse("ssh://trusting", f);
        assertTrue(t.acceptNewHostKey());
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh", "known_trusting"), t.knownHostsFile());
        assertEquals("none", t.options().identityAgent());
        assertTrue(t.options().identitiesOnly());
        assertEquals(System.getProperty("user.home") + "/.ssh/agent.sock",
                SshSettings.parse("ssh://sock", f).options().identityAgent());
        assertNull(SshSettings.parse("ssh://plain", f).options().identityAgent());
    }

    @Test
    void cliOptionsApplyToEveryHop() throws Exception {
        Path f = config("Host app\n  ProxyJump gate\n");
        SshSettings s = SshSettings.parse("ssh://app", f).withIdentityFile(Path.of("/keys/id"))
                .withKnownHostsFile(Path.of("/keys/known")).withAcceptNewHostKey(true);
        SshSettings gate = s.options().jumps().get(0);
        assertEquals(Path.of("/keys/id"), gate.identityFile());
        assertEquals(Path.of("/keys/known"), gate.knownHostsFile());
        assertTrue(gate.acceptNewHostKey());
        assertEquals(s.user() + "@app:22 via " + gate.user() + "@gate:22", s.destination());
    }

    @Test
    void wordsAreSplitAsSshSplitsThem() {
        assertEquals(List.of("IdentityFile", "/path with space/key"),
                OpenSshConfig.words("  IdentityFile \"/path with space/key\"", ssh, 1));
        assertEquals(List.of("Port", "2222"), OpenSshConfig.words("Port=2222", ssh, 1));
        assertEquals(List.of("HostName", "x"), OpenSshConfig.words("HostName = x", ssh, 1));
        assertEquals(List.of(), OpenSshConfig.words("   # a comment", ssh, 1));
        assertThrows(SlipwayException.class, () -> OpenSshConfig.words("User \"open", ssh, 3));
        // what the Connect page's host list read with a tokenizer of its own before
        assertEquals(List.of("Host", "a", "b"), OpenSshConfig.words("  Host a   b # comment", ssh, 1));
        assertEquals(List.of("Host", "x y"), OpenSshConfig.words("Host \"x y\"", ssh, 1));
        assertEquals(List.of("HostName", "h"), OpenSshConfig.words("HostName=h", ssh, 1));
        assertEquals(List.of(), OpenSshConfig.words("# only a comment", ssh, 1));
    }
}
