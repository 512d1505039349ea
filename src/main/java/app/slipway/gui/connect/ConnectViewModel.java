package app.slipway.gui.connect;

import app.slipway.core.Connection;
import app.slipway.core.fleet.FleetFile;
import app.slipway.core.fleet.FleetStacks;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.HostKeyCheck;
import app.slipway.core.host.HostKeyDecision;
import app.slipway.core.host.HostKeyInfo;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.host.SshConnector;
import app.slipway.core.host.SshSettings;
import app.slipway.core.host.SshTarget;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect page's state and its one job: open a checked {@link Connection} to this computer or
 * to a server over SSH, then hand it to the session and go on to the Stack page.
 *
 * <p>Over SSH the server's host key is looked at first, without logging in. A key known_hosts
 * lists leads straight to the login; an unknown key (first contact) stops and waits for the user
 * to compare its fingerprint ({@link #trustAndConnect()} / {@link #rejectHostKey()}); a changed
 * key is refused with the core's explanation. Only the key the user saw is then trusted, so a key
 * swapped in between is still refused.
 *
 * <p>The password lives in {@link #password} only until an attempt starts; the attempt works on a
 * char[] copy that is wiped when it ends. It is never remembered, written or logged.
 * Properties are read and written on the UI thread.
 */
public final class ConnectViewModel {
    public final ObjectProperty<ConnectMode> mode = new SimpleObjectProperty<>(this, "mode", ConnectMode.LOCAL);
    /** Several servers: the fleet file naming them (README §Several servers). */
    public final javafx.beans.property.StringProperty fleetFile =
            new javafx.beans.property.SimpleStringProperty(this, "fleetFile", "");
    /** AWS ECS: the region (blank: the SDK's default chain), cluster, services in update order, load balancer, profile. */
    public final javafx.beans.property.StringProperty ecsRegion =
            new javafx.beans.property.SimpleStringProperty(this, "ecsRegion", System.getenv().getOrDefault("AWS_REGION", ""));
    public final javafx.beans.property.StringProperty ecsCluster =
            new javafx.beans.property.SimpleStringProperty(this, "ecsCluster", "");
    public final javafx.beans.property.StringProperty ecsServices =
            new javafx.beans.property.SimpleStringProperty(this, "ecsServices", "");
    public final javafx.beans.property.StringProperty ecsHealthUrl =
            new javafx.beans.property.SimpleStringProperty(this, "ecsHealthUrl", "");
    public final javafx.beans.property.StringProperty ecsProfile =
            new javafx.beans.property.SimpleStringProperty(this, "ecsProfile", "");
    /** A profile of ~/.aws (blank: the SDK's default chain, AWS_PROFILE included). */
    public final javafx.beans.property.StringProperty ecsAwsProfile =
            new javafx.beans.property.SimpleStringProperty(this, "ecsAwsProfile", System.getenv().getOrDefault("AWS_PROFILE", ""));
    /** The profiles ~/.aws names, offered in the AWS profile field. */
    public final javafx.collections.ObservableList<String> awsProfiles = javafx.collections.FXCollections.observableArrayList();
    public final StringProperty host = new SimpleStringProperty(this, "host", "");
    /** As typed; checked to be 1-65535 when connecting. */
    public final StringProperty port = new SimpleStringProperty(this, "port", "22");
    public final StringProperty user = new SimpleStringProperty(this, "user", System.getProperty("user.name", ""));
    public final ObjectProperty<AuthKind> auth = new SimpleObjectProperty<>(this, "auth", AuthKind.KEY_FILE);
    public final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    /** Cleared as soon as an attempt takes it. */
    public final StringProperty password = new SimpleStringProperty(this, "password", "");
    public final StringProperty knownHostsFile =
            new SimpleStringProperty(this, "knownHostsFile", SshSettings.defaultKnownHosts().toString());

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper hostKeyChanged = new ReadOnlyBooleanWrapper(this, "hostKeyChanged");
    private final ReadOnlyObjectWrapper<HostKeyInfo> pendingHostKey = new ReadOnlyObjectWrapper<>(this, "pendingHostKey");
    private final ReadOnlyStringWrapper pendingHint = new ReadOnlyStringWrapper(this, "pendingHint", "");
    private final ObservableList<RecentTarget> recentTargets = FXCollections.observableArrayList();
    private final ObservableList<String> sshConfigAliases = FXCollections.observableArrayList();
    private final BooleanBinding canConnect;

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private final RecentTargets recent;
    private final SshConfigHosts sshConfig;
    /** The ssh config's answer for the alias picked last: its jump hosts/proxy and keys go with the form. */
    private SshSettings fromConfig;
    /** Where the picked alias really goes ("deploy@10.0.0.5:22 via jump@bastion:22"), or "". */
    public final StringProperty sshDestination = new SimpleStringProperty(this, "sshDestination", "");
    /** The settings (password included) of the attempt waiting for the fingerprint decision. */
    private SshSettings pendingSettings;

    public ConnectViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this(session, executor, navigator, RecentTargets.ofUser(), SshConfigHosts.ofUser());
    }

    public ConnectViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator,
                            RecentTargets recent, SshConfigHosts sshConfig) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        this.recent = recent;
        this.sshConfig = sshConfig;
        sshConfigAliases.setAll(sshConfig.aliases());
        recentTargets.setAll(recent.load());
        String agent = System.getenv("SSH_AUTH_SOCK");
        keyFile.set(defaultKeyFile());
        auth.set(agent != null && !agent.isBlank() ? AuthKind.AGENT : AuthKind.KEY_FILE);
        if (!recentTargets.isEmpty()) applyRecent(recentTargets.get(0));
        pendingHostKey.addListener((obs, old, key) -> pendingHint.set(key == null ? "" : HostKeyHint.howToCompare(key)));
        host.addListener((obs, old, now) -> {
            // typed over: the config's way no longer applies
            if (fromConfig != null && (now == null || !now.strip().equals(fromConfig.host()))) {
                fromConfig = null;
                sshDestination.set("");
            }
        });

        mode.addListener((obs, old, now) -> {
            if (now == ConnectMode.ECS && awsProfiles.isEmpty()) {
                executor.run("aws-profiles", app.slipway.core.ecs.AwsSession::profileNames, awsProfiles::setAll,
                        unreadable -> {}); // none to offer: the field still takes a name
            }
        });

        canConnect = Bindings.createBooleanBinding(this::formComplete,
                busy, pendingHostKey, mode, host, port, user, auth, keyFile, password, fleetFile,
                ecsCluster, ecsServices);
    }

    // ---------------------------------------------------------------- read-only state

    /** True while a connection attempt runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is happening now ("Logging in…", "Connected to …"); empty when idle. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last attempt failed, as one sentence; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the error is the refusal of a changed host key (shown as a warning of its own). */
    public ReadOnlyBooleanProperty hostKeyChangedProperty() {
        return hostKeyChanged.getReadOnlyProperty();
    }

    /** The server's key waiting for the user's confirmation (first contact); null otherwise. */
    public ReadOnlyObjectProperty<HostKeyInfo> pendingHostKeyProperty() {
        return pendingHostKey.getReadOnlyProperty();
    }

    /** How to compare the pending fingerprint on the server; empty without one. */
    public ReadOnlyStringProperty pendingHintProperty() {
        return pendingHint.getReadOnlyProperty();
    }

    /** Most recent first; never holds a password. */
    public ObservableList<RecentTarget> recentTargets() {
        return FXCollections.unmodifiableObservableList(recentTargets);
    }

    /** Host aliases from ~/.ssh/config, for the host box. */
    private final StackStates stackStates = StackStates.ofUser();

    /**
     * How the stack last seen on each recent target stood: "Fixture 2.0.0 in /srv/app · update v2.1.0
     * available (30 Nov)", "" where none was seen. The file is read once for the whole list.
     */
    public java.util.Map<RecentTarget, String> lastSeen(List<RecentTarget> targets) {
        List<StackStates.Seen> all = stackStates.load();
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);
        var out = new java.util.HashMap<RecentTarget, String>();
        for (RecentTarget t : targets) {
            out.put(t, StackStates.latest(all, StackStates.keyOf(t))
                    .map(s -> s.text() + " (" + day.format(s.at().atZone(java.time.ZoneId.systemDefault())) + ")").orElse(""));
        }
        return out;
    }

    /** What an alias of the host list resolves to, for its entry: "deploy@10.0.0.5:22 via jump@bastion:22". */
    public String describeAlias(String alias) {
        try {
            return sshConfig.resolve(alias).map(SshSettings::destination).orElse("");
        } catch (SlipwayException e) {
            return e.getMessage();
        }
    }

    public ObservableList<String> sshConfigAliases() {
        return FXCollections.unmodifiableObservableList(sshConfigAliases);
    }

    /** True when Connect can be pressed: the form is complete and nothing is running or waiting. */
    public BooleanBinding canConnectBinding() {
        return canConnect;
    }

    // ---------------------------------------------------------------- form helpers

    /** Fills the form from a recent target (the password, never remembered, stays to be typed). */
    public void applyRecent(RecentTarget target) {
        if (target == null || busy.get() || pendingHostKey.get() != null) return;
        mode.set(target.mode());
        if (target.mode() == ConnectMode.SSH) {
            user.set(target.user());
            host.set(target.host());
            port.set(String.valueOf(target.port()));
            auth.set(target.auth());
            if (target.keyFile() != null) keyFile.set(target.keyFile());
            knownHostsFile.set(target.knownHostsFile() != null
                    ? target.knownHostsFile() : SshSettings.defaultKnownHosts().toString());
        }
        password.set("");
        error.set("");
        hostKeyChanged.set(false);
    }

    /**
     * Fills host, port, user, key file and known_hosts from a Host alias of ~/.ssh/config, as ssh
     * would resolve it. Returns false (and leaves the form alone) when {@code alias} is not one.
     */
    public boolean useSshConfigHost(String alias) {
        if (busy.get() || pendingHostKey.get() != null) return false;
        try {
            var resolved = sshConfig.resolve(alias);
            if (resolved.isEmpty()) return false;
            SshSettings s = resolved.get();
            mode.set(ConnectMode.SSH);
            host.set(s.host());
            port.set(String.valueOf(s.port()));
            user.set(s.user());
            fromConfig = s;
            sshDestination.set("→ " + s.destination());
            if (!s.options().identityFiles().isEmpty()) {
                auth.set(AuthKind.KEY_FILE);
                keyFile.set(s.options().identityFiles().get(0).toString());
            }
            knownHostsFile.set(s.knownHostsFile().toString());
            error.set("");
            return true;
        } catch (SlipwayException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- actions

    /** Connects as the form says; over SSH it may stop at a host key to confirm. */
    public void connect() {
        if (busy.get() || pendingHostKey.get() != null) return;
        error.set("");
        hostKeyChanged.set(false);
        if (mode.get() == ConnectMode.LOCAL) {
            connectLocal();
            return;
        }
        if (mode.get() == ConnectMode.FLEET) {
            connectFleet();
            return;
        }
        if (mode.get() == ConnectMode.ECS) {
            connectEcs();
            return;
        }
        SshSettings settings;
        RecentTarget target;
        try {
            settings = sshSettings();
            target = recentOf(settings);
        } catch (SlipwayException e) {
            error.set(e.getMessage());
            return;
        }
        password.set(""); // from here on only the attempt's own copy exists
        start("Checking the host key of " + settings.hostPort() + "…");
        executor.run("connect-ssh", () -> firstContact(settings, target), outcome -> {
            if (outcome.unknownKey() != null) {
                pendingSettings = settings; // keeps the password for the login after "Trust"
                busy.set(false);
                status.set("");
                pendingHostKey.set(outcome.unknownKey());
                return;
            }
            wipe(settings);
            if (outcome.changedRefusal() != null) {
                finishWithError(outcome.changedRefusal());
                hostKeyChanged.set(true);
                return;
            }
            connected(outcome.connected());
        }, e -> {
            wipe(settings);
            finishWithError(ErrorText.of(e));
        });
    }

    /** The user compared the fingerprint and trusts it: records it in known_hosts and logs in. */
    public void trustAndConnect() {
        HostKeyInfo key = pendingHostKey.get();
        SshSettings settings = pendingSettings;
        if (key == null || settings == null || busy.get()) return;
        pendingSettings = null;
        pendingHostKey.set(null);
        RecentTarget target = recentOf(settings);
        start("Logging in to " + settings.hostPort() + "…");
        executor.run("connect-ssh-trusted", () -> login(settings, key, target), outcome -> {
            if (outcome.unknownKey() != null) { // one more host on the way to confirm
                pendingSettings = settings;
                busy.set(false);
                status.set("");
                pendingHostKey.set(outcome.unknownKey());
                return;
            }
            wipe(settings);
            connected(outcome.connected());
        }, e -> {
            wipe(settings);
            finishWithError(ErrorText.of(e));
        });
    }

    /** The fingerprint is not the server's: nothing is trusted, nothing logged in. */
    public void rejectHostKey() {
        HostKeyInfo key = pendingHostKey.get();
        if (key == null) return;
        wipe(pendingSettings);
        pendingSettings = null;
        pendingHostKey.set(null);
        status.set("Not connected: the host key of " + key.hostPort() + " was not trusted.");
    }

    // ---------------------------------------------------------------- the work (background thread)

    private record Connected(Connection connection, List<RecentTarget> recentTargets) {}

    private record FirstContact(Connected connected, HostKeyInfo unknownKey, String changedRefusal) {}

    /**
     * The demo (README "The first minute"): its images made and its first version installed on this
     * computer's Docker, then its Stack page — for a newcomer with no stack of their own yet.
     */
    public void tryDemo() {
        if (busy.get()) return;
        String dir = app.slipway.core.demo.DemoSetup.defaultDirectory().toString();
        error.set("");
        start("Making the demo on this computer's Docker (seconds; once)…");
        executor.run("demo", () -> {
            Connection connection = Connection.open(new LocalTarget());
            try {
                var installed = app.slipway.core.demo.DemoSetup.prepare(connection, dir,
                        app.slipway.core.demo.DemoSetup.PORT, line -> {}, plan -> app.slipway.core.events.RunListener.IGNORE);
                if (installed.isPresent() && !installed.get().succeeded()) {
                    throw new SlipwayException(installed.get().exitCode(), installed.get().message());
                }
                return remembered(connection, RecentTarget.local());
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        }, done -> {
            session.directory.set(dir);
            mode.set(ConnectMode.LOCAL);
            connected(done);
        }, e -> finishWithError(ErrorText.of(e)));
    }

    /** This computer, with the Stack page opened on {@code dir} (the wizard {@code slipway demo} opens). */
    public void openLocal(String dir) {
        session.directory.set(dir);
        mode.set(ConnectMode.LOCAL);
        connect();
    }

    private void connectLocal() {
        start("Checking Docker on this computer…");
        executor.run("connect-local",
                () -> remembered(Connection.open(new LocalTarget()), RecentTarget.local()),
                this::connected,
                e -> finishWithError(ErrorText.of(e)));
    }

    /** Every server of the fleet file at once, each with its own host-key check; the primary's stack becomes the session's. */
    private void connectFleet() {
        String file = fleetFile.get().strip();
        start("Connecting to every server of " + file + "…");
        executor.run("connect-fleet", () -> FleetStacks.open(FleetFile.read(java.nio.file.Path.of(file))), stacks -> {
            var primary = stacks.node(stacks.fleet().primary());
            session.ecs.set(null);
            session.fleet.set(stacks);
            session.stack.set(primary.stack());
            session.profile.set(primary.stack().profile());
            session.directory.set(primary.stack().files().directory());
            session.connection.set(primary.connection());
            busy.set(false);
            status.set("Connected to " + stacks.inOrder().size() + " servers.");
            navigator.goTo(Navigator.Step.STACK);
        }, e -> finishWithError(ErrorText.of(e)));
    }

    private void connectEcs() {
        String cluster = ecsCluster.get().strip();
        var services = java.util.Arrays.stream(ecsServices.get().split("[,\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
        java.util.Optional<String> region = java.util.Optional.of(ecsRegion.get().strip()).filter(x -> !x.isEmpty());
        java.util.Optional<String> profile = java.util.Optional.of(ecsProfile.get().strip()).filter(x -> !x.isEmpty());
        java.util.Optional<String> health = java.util.Optional.of(ecsHealthUrl.get().strip()).filter(x -> !x.isEmpty());
        java.util.Optional<String> awsProfile = java.util.Optional.of(ecsAwsProfile.get().strip()).filter(x -> !x.isEmpty());
        start("Reading " + String.join(", ", services) + " in cluster " + cluster + "…");
        executor.run("connect-ecs", () -> app.slipway.core.ecs.EcsConnection.open(region, awsProfile, cluster,
                services, profile, health), ecs -> {
            session.fleet.set(null);
            session.stack.set(null);
            session.ecs.set(ecs);
            session.profile.set(ecs.stack().profile());
            busy.set(false);
            status.set("Read " + ecs.stack().services().size() + " services of " + ecs.stack().target().describe() + ".");
            navigator.goTo(Navigator.Step.STACK);
        }, e -> finishWithError(ErrorText.of(e)));
    }

    private FirstContact firstContact(SshSettings settings, RecentTarget target) {
        HostKeyCheck check = SshConnector.checkHostKey(settings);
        if (check.status() == HostKeyCheck.Status.UNKNOWN) return new FirstContact(null, check.key(), null);
        report("Logging in to " + settings.hostPort() + "…");
        // Strict: a key known_hosts does not list is refused, but shown to the user rather than failing.
        AtomicReference<HostKeyInfo> unknown = new AtomicReference<>();
        try {
            Connection c = open(settings, key -> {
                unknown.set(key);
                return false;
            });
            return new FirstContact(remembered(c, target), null, null);
        } catch (SlipwayException e) {
            if (unknown.get() != null) return new FirstContact(null, unknown.get(), null);
            // The core's refusal of a changed key says what it means and how to fix it (ssh-keygen -R).
            if (check.status() == HostKeyCheck.Status.CHANGED) return new FirstContact(null, null, e.getMessage());
            throw e;
        }
    }

    /**
     * Logs in trusting only the key the user confirmed. A further unknown key on the way (the server
     * behind a jump host whose key was just confirmed) comes back as the next one to confirm.
     */
    private FirstContact login(SshSettings settings, HostKeyInfo confirmed, RecentTarget target) {
        HostKeyDecision onlyConfirmed = HostKeyDecision.acceptOnly(confirmed.fingerprint());
        AtomicReference<HostKeyInfo> shown = new AtomicReference<>();
        try {
            Connection c = open(settings, key -> {
                shown.set(key);
                return key.hostPort().equals(confirmed.hostPort()) && onlyConfirmed.trust(key);
            });
            return new FirstContact(remembered(c, target), null, null);
        } catch (SlipwayException e) {
            HostKeyInfo now = shown.get();
            if (now != null && !now.hostPort().equals(confirmed.hostPort())) {
                return new FirstContact(null, now, null); // the next host on the way
            }
            if (now != null && !now.fingerprint().equals(confirmed.fingerprint())) {
                throw SlipwayException.refused("The server at " + now.hostPort() + " now shows a different host key ("
                        + now.display() + ") than the one you confirmed, so nothing was trusted: connect again to check it.");
            }
            throw e;
        }
    }

    private Connection open(SshSettings settings, HostKeyDecision decision) {
        SshTarget target = SshTarget.connect(settings, decision);
        report("Checking Docker on " + settings.hostPort() + "…");
        return Connection.open(target); // closes the target when the engine check fails
    }

    /** Puts the target first in the recent list; a list that cannot be written is not worth failing for. */
    private Connected remembered(Connection connection, RecentTarget target) {
        List<RecentTarget> list;
        try {
            list = recent.remember(target);
        } catch (IOException | RuntimeException e) {
            list = recent.load();
        }
        return new Connected(connection, list);
    }

    private void report(String text) {
        executor.onUiThread(() -> status.set(text));
    }

    // ---------------------------------------------------------------- outcomes (UI thread)

    private void start(String text) {
        busy.set(true);
        status.set(text);
    }

    private void connected(Connected done) {
        recentTargets.setAll(done.recentTargets());
        session.ecs.set(null);
        session.connection.set(done.connection());
        busy.set(false);
        status.set("Connected: " + done.connection().describe() + ".");
        navigator.goTo(Navigator.Step.STACK);
    }

    private void finishWithError(String sentence) {
        busy.set(false);
        status.set("");
        error.set(sentence);
    }

    // ---------------------------------------------------------------- form → settings

    private boolean formComplete() {
        if (busy.get() || pendingHostKey.get() != null) return false;
        if (mode.get() == ConnectMode.LOCAL) return true;
        if (mode.get() == ConnectMode.FLEET) return !blank(fleetFile.get());
        if (mode.get() == ConnectMode.ECS) return !blank(ecsCluster.get()) && !blank(ecsServices.get());
        if (blank(host.get()) || blank(port.get()) || blank(user.get())) return false;
        if (auth.get() == AuthKind.KEY_FILE && blank(keyFile.get())) return false;
        return auth.get() != AuthKind.PASSWORD || !isEmpty(password.get());
    }

    /** The form as SSH settings; a missing or bad field is one sentence (SlipwayException). */
    SshSettings sshSettings() {
        if (blank(host.get())) throw SlipwayException.badInput("Enter the server's host name or address.");
        int portNumber = portNumber(port.get());
        if (blank(user.get())) throw SlipwayException.badInput("Enter the user name to log in as.");
        String hostName = host.get().strip();
        if (hostName.startsWith("[") && hostName.endsWith("]")) hostName = hostName.substring(1, hostName.length() - 1);
        SshSettings s = SshSettings.of(user.get().strip(), hostName, portNumber);
        // picked from the ssh config and still pointing there: its way (jump hosts, proxy) and keys come along
        if (fromConfig != null && fromConfig.host().equals(hostName) && fromConfig.port() == portNumber) {
            s = s.withOptions(fromConfig.options());
        }
        if (!blank(knownHostsFile.get())) s = s.withKnownHostsFile(expandHome(knownHostsFile.get()));
        AuthKind kind = auth.get() == null ? AuthKind.KEY_FILE : auth.get();
        switch (kind) {
            case KEY_FILE -> {
                if (blank(keyFile.get())) throw SlipwayException.badInput("Choose the private key file to log in with.");
                s = s.withIdentityFile(expandHome(keyFile.get())).withUseAgent(false);
            }
            case AGENT -> s = s.withUseAgent(true);
            case PASSWORD -> {
                if (isEmpty(password.get())) throw SlipwayException.badInput("Enter the password for " + s.user() + ".");
                s = s.withUseAgent(false).withPassword(password.get().toCharArray());
            }
        }
        return s;
    }

    private RecentTarget recentOf(SshSettings s) {
        AuthKind kind = auth.get() == null ? AuthKind.KEY_FILE : auth.get();
        String key = kind == AuthKind.KEY_FILE && s.identityFile() != null ? s.identityFile().toString() : null;
        return new RecentTarget(ConnectMode.SSH, s.user(), s.host(), s.port(), kind, key,
                s.knownHostsFile().toString());
    }

    private static int portNumber(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("[0-9]{1,5}")) {
            int p = Integer.parseInt(t);
            if (p >= 1 && p <= 65535) return p;
        }
        throw SlipwayException.badInput("The SSH port must be a number from 1 to 65535.");
    }

    static Path expandHome(String path) {
        String p = path.strip();
        String home = System.getProperty("user.home");
        if (p.equals("~")) return Path.of(home);
        if (p.startsWith("~/")) return Path.of(home, p.substring(2));
        return Path.of(p);
    }

    /** ssh's default key files, the first that exists; empty when none does. */
    private static String defaultKeyFile() {
        Path dir = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name).toString();
        }
        return "";
    }

    private static void wipe(SshSettings settings) {
        if (settings != null && settings.password() != null) Arrays.fill(settings.password(), '\0');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
