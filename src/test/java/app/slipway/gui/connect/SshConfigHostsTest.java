package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.host.SshSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigHostsTest {
    @TempDir
    Path ssh;

    @Test
    void aliasesSkipPatternsAndFollowIncludes() throws Exception {
        Files.createDirectories(ssh.resolve("config.d"));
        Files.writeString(ssh.resolve("config.d/20-lab"), "Host lab\n  HostName 10.0.0.7\n  User lab-admin\n");
        Files.writeString(ssh.resolve("config.d/10-work"), "Host work-box\n  Port 2200\n");
        Files.writeString(ssh.resolve("config"), """
                # my servers
                Include config.d/*

                Host *
                  ServerAliveInterval 30

                Host web db  # two names for one block
                  HostName 192.0.2.10
                  User deploy
                  Port 2222
                  IdentityFile ~/.ssh/deploy_ed25519

                Host *.example.org !secret.example.org build?
                  User ci

                Host="quoted"
                  HostName 192.0.2.11

                Match host web
                  ForwardAgent no

                Host web
                  User someone-else
                """);

        SshConfigHosts hosts = SshConfigHosts.read(ssh.resolve("config"));

        assertEquals(List.of("work-box", "lab", "web", "db", "quoted"), hosts.aliases());

        SshSettings web = hosts.resolve("web").orElseThrow();
        assertEquals("192.0.2.10", web.host());
        assertEquals("deploy", web.user());
        assertEquals(2222, web.port());
        assertEquals(List.of(Path.of(System.getProperty("user.home"), ".ssh", "deploy_ed25519")), web.options().identityFiles());

        SshSettings lab = hosts.resolve("lab").orElseThrow();
        assertEquals("10.0.0.7", lab.host());
        assertEquals("lab-admin", lab.user());
        assertEquals(22, lab.port());
        assertEquals(2200, hosts.resolve("work-box").orElseThrow().port());

        assertTrue(hosts.resolve("nope.example.org").isEmpty());
        assertTrue(hosts.resolve("*").isEmpty());
    }

    @Test
    void aMissingConfigOffersNothing() {
        assertEquals(List.of(), SshConfigHosts.read(ssh.resolve("absent")).aliases());
    }

    @Test
    void anIncludeLoopEnds() throws Exception {
        Files.writeString(ssh.resolve("config"), "Include config\nHost loop\n");
        assertEquals(List.of("loop"), SshConfigHosts.read(ssh.resolve("config")).aliases());
    }
}
