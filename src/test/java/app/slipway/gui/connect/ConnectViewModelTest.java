package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.Connection;
import app.slipway.core.host.HostKeyInfo;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.host.SshTarget;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connect view-model against the real testbed (local engine, sshd on 127.0.0.1), run inline. */
class ConnectViewModelTest {
    @TempDir
    Path dir;

    private Testbed tb;
    private WizardSession session;
    private RecordingNavigator navigator;
    private RecentTargets recent;
    private ConnectViewModel vm;

    @BeforeEach
    void setUp() {
        tb = Testbed.require();
        session = new WizardSession();
        navigator = new RecordingNavigator();
        recent = new RecentTargets(dir.resolve("config/slipway/recent-targets.json"));
        vm = new ConnectViewModel(session, new DirectExecutor(), navigator, recent,
                SshConfigHosts.read(dir.resolve("no-ssh-config")));
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void localConnectHandsTheConnectionOnAndGoesToStack() {
        vm.mode.set(ConnectMode.LOCAL);
        assertTrue(vm.canConnectBinding().get());

        vm.connect();

        assertEquals("", vm.errorProperty().get());
        Connection c = session.connection.get();
        assertNotNull(c);
        assertInstanceOf(LocalTarget.class, c.target());
        assertEquals(List.of(Step.STACK), navigator.steps);
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().contains(c.describe()), vm.statusProperty().get());
        assertEquals(List.of(RecentTarget.local()), recent.load());
        assertEquals(List.of(RecentTarget.local()), vm.recentTargets());
    }

    @Test
    void awsEcsOffersTheProfilesOfTheAwsFiles() throws Exception {
        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        Files.writeString(config, "[default]\nregion = eu-west-1\n[profile deploy]\nrole_arn = arn:aws:iam::1:role/d\n"
                + "source_profile = base\n");
        Files.writeString(credentials, "[base]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            assertEquals(List.of(), vm.awsProfiles, "read only when AWS ECS is chosen");
            vm.mode.set(ConnectMode.ECS);
            assertEquals(List.of("base", "default", "deploy"), vm.awsProfiles);
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void sshWithKeyAndKnownHostsConnectsWithoutAsking() throws Exception {
        Path knownHosts = copy(tb.knownHosts());
        byte[] before = Files.readAllBytes(knownHosts);
        fillSsh(AuthKind.KEY_FILE, knownHosts);

        vm.connect();

        assertEquals("", vm.errorProperty().get());
        assertNull(vm.pendingHostKeyProperty().get());
        Connection c = session.connection.get();
        assertNotNull(c);
        SshTarget target = assertInstanceOf(SshTarget.class, c.target());
        assertEquals(tb.dockerUser(), target.settings().user());
        assertEquals(tb.sshPort(), target.settings().port());
        assertEquals(List.of(Step.STACK), navigator.steps);
        assertArrayEquals(before, Files.readAllBytes(knownHosts), "a known key must not be written again");

        RecentTarget first = recent.load().get(0);
        assertEquals(new RecentTarget(ConnectMode.SSH, tb.dockerUser(), tb.sshHost(), tb.sshPort(), AuthKind.KEY_FILE,
                tb.sshKey().toString(), knownHosts.toString()), first);
    }

    @Test
    void firstContactShowsTheRealFingerprintAndTrustingItConnectsAndRecordsTheKey() throws Exception {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        fillSsh(AuthKind.KEY_FILE, knownHosts);

        vm.connect();

        HostKeyInfo pending = vm.pendingHostKeyProperty().get();
        assertNotNull(pending, () -> "no fingerprint to confirm; error: " + vm.errorProperty().get());
        assertEquals(ServerHostKey.fingerprint(tb, pending.algorithm()), pending.fingerprint());
        assertEquals(tb.sshHost() + ":" + tb.sshPort(), pending.hostPort());
        assertTrue(vm.pendingHintProperty().get().contains("ssh-keygen -lf /etc/ssh/ssh_host_"),
                vm.pendingHintProperty().get());
        assertNull(session.connection.get());
        assertTrue(navigator.steps.isEmpty());
        assertFalse(vm.busyProperty().get());
        assertFalse(vm.canConnectBinding().get(), "Connect waits for the host key decision");
        assertEquals(0, Files.size(knownHosts), "nothing is trusted before the user says so");

        vm.trustAndConnect();

        assertEquals("", vm.errorProperty().get());
        assertNull(vm.pendingHostKeyProperty().get());
        assertNotNull(session.connection.get());
        assertEquals(List.of(Step.STACK), navigator.steps);
        String lines = Files.readString(knownHosts, StandardCharsets.UTF_8);
        assertTrue(lines.startsWith("[" + tb.sshHost() + "]:" + tb.sshPort() + " " + pending.algorithm() + " "
                + pending.publicKey()), lines);
    }

    @Test
    void rejectingTheFingerprintTrustsNothingAndDoesNotConnect() throws Exception {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        fillSsh(AuthKind.KEY_FILE, knownHosts);
        vm.connect();
        HostKeyInfo pending = vm.pendingHostKeyProperty().get();
        assertNotNull(pending, () -> "no fingerprint to confirm; error: " + vm.errorProperty().get());

        vm.rejectHostKey();

        assertNull(vm.pendingHostKeyProperty().get());
        assertNull(session.connection.get());
        assertTrue(navigator.steps.isEmpty());
        assertEquals(0, Files.size(knownHosts));
        assertTrue(vm.statusProperty().get().contains("not trusted"), vm.statusProperty().get());
        assertTrue(vm.canConnectBinding().get(), "the user can try again");
        assertTrue(recent.load().isEmpty());
    }

    @Test
    void aChangedHostKeyIsRefusedWithTheExplanation() throws Exception {
        Path knownHosts = copy(tb.wrongKnownHosts());
        byte[] before = Files.readAllBytes(knownHosts);
        fillSsh(AuthKind.KEY_FILE, knownHosts);

        vm.connect();

        String error = vm.errorProperty().get();
        assertOneSentence(error);
        assertTrue(error.contains("has changed"), error);
        assertTrue(error.contains("ssh-keygen") && error.contains(" -R "), error);
        assertTrue(vm.hostKeyChangedProperty().get());
        assertNull(vm.pendingHostKeyProperty().get(), "a changed key is never offered for trust");
        assertNull(session.connection.get());
        assertTrue(navigator.steps.isEmpty());
        assertArrayEquals(before, Files.readAllBytes(knownHosts));
    }

    @Test
    void aWrongPasswordIsOneSentenceWithoutThePassword() throws Exception {
        Path knownHosts = copy(tb.knownHosts());
        fillSsh(AuthKind.PASSWORD, knownHosts);
        String wrong = "Wr0ng-" + tb.password() + "-pw";
        vm.password.set(wrong);

        vm.connect();

        String error = vm.errorProperty().get();
        assertOneSentence(error);
        assertTrue(error.contains("refused"), error);
        assertFalse(error.contains(wrong), "the password must not be shown");
        assertFalse(error.contains(tb.password()), "the password must not be shown");
        assertEquals("", vm.password.get(), "the typed password is not kept");
        assertNull(session.connection.get());
        assertTrue(navigator.steps.isEmpty());
        assertFalse(vm.hostKeyChangedProperty().get());
    }

    @Test
    void theRightPasswordConnectsAndIsNeverRemembered() throws Exception {
        Path knownHosts = copy(tb.knownHosts());
        fillSsh(AuthKind.PASSWORD, knownHosts);
        vm.password.set(tb.password());

        vm.connect();

        assertEquals("", vm.errorProperty().get());
        assertNotNull(session.connection.get());
        assertEquals(List.of(Step.STACK), navigator.steps);
        assertEquals("", vm.password.get());
        String file = Files.readString(recent.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("\"PASSWORD\""), file);
        assertFalse(file.contains(tb.password()), "recent-targets.json must never hold the password");
        assertFalse(file.toLowerCase().matches("(?s).*\"password\"\\s*:.*"), "no password field at all: " + file);
    }

    @Test
    void anUnreachablePortIsOneSentence() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(tb.sshHost()))) {
            closedPort = s.getLocalPort();
        }
        fillSsh(AuthKind.KEY_FILE, copy(tb.knownHosts()));
        vm.port.set(String.valueOf(closedPort));

        vm.connect();

        String error = vm.errorProperty().get();
        assertOneSentence(error);
        assertTrue(error.contains(tb.sshHost() + ":" + closedPort), error);
        assertTrue(error.startsWith("Cannot reach"), error);
        assertNull(session.connection.get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aBadPortIsRefusedBeforeAnythingRuns() throws Exception {
        fillSsh(AuthKind.KEY_FILE, copy(tb.knownHosts()));
        vm.port.set("70000");

        vm.connect();

        assertOneSentence(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("1 to 65535"), vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().isEmpty());
    }

    @Test
    void anSshConfigHostFillsTheFormAndConnects() throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host testbed\n  HostName " + tb.sshHost() + "\n  Port " + tb.sshPort()
                + "\n  User " + tb.dockerUser() + "\n  IdentityFile " + tb.sshKey() + "\n");
        var withConfig = new ConnectViewModel(session, new DirectExecutor(), navigator, recent, SshConfigHosts.read(config));
        assertEquals(List.of("testbed"), withConfig.sshConfigAliases());

        assertTrue(withConfig.useSshConfigHost("testbed"));

        assertEquals(ConnectMode.SSH, withConfig.mode.get());
        assertEquals(tb.sshHost(), withConfig.host.get());
        assertEquals(String.valueOf(tb.sshPort()), withConfig.port.get());
        assertEquals(tb.dockerUser(), withConfig.user.get());
        assertEquals(AuthKind.KEY_FILE, withConfig.auth.get());
        assertEquals(tb.sshKey().toString(), withConfig.keyFile.get());

        withConfig.knownHostsFile.set(copy(tb.knownHosts()).toString());
        withConfig.connect();
        assertEquals("", withConfig.errorProperty().get());
        assertNotNull(session.connection.get());
    }

    @Test
    void aConfigHostBehindABastionShowsItsWayAndConnectsThroughIt() throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host app\n  HostName " + tb.sshHost() + "\n  Port " + tb.sshPort()
                + "\n  User " + tb.dockerUser() + "\n  ProxyJump gate\n"
                + "Host gate\n  HostName " + tb.bastionHost() + "\n  Port " + tb.bastionPort() + "\n  User " + tb.dockerUser() + "\n"
                + "Host *\n  IdentityFile " + tb.passphraseKey() + "\n  IdentityAgent none\n");
        var withConfig = new ConnectViewModel(session, new DirectExecutor(), navigator, recent, SshConfigHosts.read(config));
        String way = tb.dockerUser() + "@" + tb.sshHost() + ":" + tb.sshPort() + " via " + tb.dockerUser() + "@"
                + tb.bastionHost() + ":" + tb.bastionPort();
        assertEquals(way, withConfig.describeAlias("app"), "the host list shows where the alias really goes");
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        app.slipway.core.host.SshPassphrases.askWith((key, again) -> {
            asked.incrementAndGet();
            return java.util.Optional.of(tb.keyPassphrase().toCharArray());
        });
        try {
            assertTrue(withConfig.useSshConfigHost("app"));
            assertEquals("→ " + way, withConfig.sshDestination.get());
            withConfig.knownHostsFile.set(copy(tb.knownHosts()).toString());
            withConfig.connect();
            assertEquals("", withConfig.errorProperty().get());
            assertNotNull(session.connection.get());
            assertEquals(1, asked.get(), "the passphrase was asked once for the bastion and the server");

            withConfig.host.set("elsewhere.example");
            assertEquals("", withConfig.sshDestination.get(), "typed over: the config's way no longer applies");
        } finally {
            app.slipway.core.host.SshPassphrases.askWith(null);
            app.slipway.core.host.SshPassphrases.clear();
        }
    }

    @Test
    void behindABastionEachUnknownHostKeyOnTheWayIsConfirmedInTurn() throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host app\n  HostName " + tb.sshHost() + "\n  Port " + tb.sshPort()
                + "\n  User " + tb.dockerUser() + "\n  ProxyJump " + tb.dockerUser() + "@" + tb.bastionHost() + ":"
                + tb.bastionPort() + "\n  IdentityFile " + tb.sshKey() + "\n  IdentityAgent none\n");
        var withConfig = new ConnectViewModel(session, new DirectExecutor(), navigator, recent, SshConfigHosts.read(config));
        assertTrue(withConfig.useSshConfigHost("app"));
        Path knownHosts = Files.createFile(dir.resolve("known_hosts_empty"));
        withConfig.knownHostsFile.set(knownHosts.toString());

        withConfig.connect();
        HostKeyInfo first = withConfig.pendingHostKeyProperty().get();
        assertNotNull(first, () -> "no fingerprint to confirm; error: " + withConfig.errorProperty().get());
        assertEquals(tb.bastionHost() + ":" + tb.bastionPort(), first.hostPort(), "the bastion comes first");
        assertEquals(0, Files.size(knownHosts));

        withConfig.trustAndConnect();
        HostKeyInfo second = withConfig.pendingHostKeyProperty().get();
        assertNotNull(second, () -> "no second fingerprint; error: " + withConfig.errorProperty().get());
        assertEquals(tb.sshHost() + ":" + tb.sshPort(), second.hostPort(), "then the server behind it");
        assertNull(session.connection.get());

        withConfig.trustAndConnect();
        assertEquals("", withConfig.errorProperty().get());
        assertNotNull(session.connection.get());
        assertEquals(2, Files.readAllLines(knownHosts).size(), "both keys recorded, each once");
    }

    @Test
    void aRecentTargetFillsTheFormButNeverAPassword() {
        var target = new RecentTarget(ConnectMode.SSH, "deploy", "server.example.org", 2200, AuthKind.PASSWORD,
                null, dir.resolve("kh").toString());
        vm.password.set("typed-before");

        vm.applyRecent(target);

        assertEquals(ConnectMode.SSH, vm.mode.get());
        assertEquals("deploy", vm.user.get());
        assertEquals("server.example.org", vm.host.get());
        assertEquals("2200", vm.port.get());
        assertEquals(AuthKind.PASSWORD, vm.auth.get());
        assertEquals(dir.resolve("kh").toString(), vm.knownHostsFile.get());
        assertEquals("", vm.password.get());
        assertFalse(vm.canConnectBinding().get(), "the password must be typed again");
    }

    private void fillSsh(AuthKind auth, Path knownHosts) {
        vm.mode.set(ConnectMode.SSH);
        vm.host.set(tb.sshHost());
        vm.port.set(String.valueOf(tb.sshPort()));
        vm.user.set(tb.dockerUser());
        vm.auth.set(auth);
        vm.keyFile.set(tb.sshKey().toString());
        vm.knownHostsFile.set(knownHosts.toString());
    }

    private Path copy(Path source) throws Exception {
        Path copy = dir.resolve("known_hosts");
        Files.copy(source, copy);
        return copy;
    }

    private static void assertOneSentence(String text) {
        assertFalse(text.isBlank(), "an error sentence is expected");
        assertFalse(text.contains("\n"), text);
        assertFalse(text.contains("Exception"), text);
        assertFalse(text.contains("\tat "), text);
        assertTrue(text.endsWith("."), text);
    }
}
