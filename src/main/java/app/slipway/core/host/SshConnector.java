package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens the one SSH session of a remote target: through its jump hosts or proxy command when the
 * ssh config names them, every host key checked strictly against known_hosts, login by key file
 * (asking for a passphrase when one is needed), ssh-agent or password, keepalive on. Every failure becomes one
 * sentence ({@link SlipwayException#refused} or {@code badInput}).
 */
public final class SshConnector {
    public static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int KEEPALIVE_INTERVAL_MS = 15_000;
    static final int KEEPALIVE_COUNT_MAX = 4;

    private SshConnector() {}

    /** Connects, accepting an unknown host key only when the settings say so. */
    public static Session connect(SshSettings settings) {
        return connect(settings, settings.acceptNewHostKey() ? HostKeyDecision.ACCEPT_NEW : HostKeyDecision.REFUSE);
    }

    /** Connects, asking {@code decision} about an unknown host key (a changed key is always refused). */
    public static Session connect(SshSettings settings, HostKeyDecision decision) {
        return connect(settings, decision, System.getenv("SSH_AUTH_SOCK"));
    }

    static Session connect(SshSettings settings, HostKeyDecision decision, String agentSocket) {
        Proxy way = null;
        try {
            // each jump host logged into (and its host key checked) like the target, through the one before
            for (SshSettings jump : settings.options().jumps()) {
                Session hop = login(jump, jump.acceptNewHostKey() ? HostKeyDecision.ACCEPT_NEW : decision, agentSocket, way);
                way = new JumpProxy(hop, jump);
            }
            if (way == null && settings.options().proxyCommand() != null) way = new CommandProxy(settings);
            return login(settings, decision, agentSocket, way);
        } catch (RuntimeException e) {
            if (way != null) way.close();
            throw e;
        }
    }

    private static Session login(SshSettings settings, HostKeyDecision decision, String agentSocket, Proxy way) {
        SshIdentities identities = SshIdentities.load(settings, agentSocket);
        KnownHostsRepository hostKeys = KnownHostsRepository.load(
                settings.knownHostsFile(), settings.host(), settings.port(), decision, false);
        Session session = newSession(settings, hostKeys, way);
        session.setIdentityRepository(identities);
        List<String> methods = new ArrayList<>(List.of("publickey"));
        if (settings.password() != null) {
            session.setPassword(utf8(settings.password()));
            methods.add("password");
            methods.add("keyboard-interactive");
        }
        session.setConfig("PreferredAuthentications", String.join(",", methods));
        var prompts = new SshPrompts(settings.password());
        session.setUserInfo(prompts);
        try {
            session.connect(CONNECT_TIMEOUT_MS);
            return session;
        } catch (JSchException e) {
            session.disconnect();
            var key = prompts.keyProblem();
            if (key.isPresent() && isAuthFailure(e)) {
                String sentence = "SSH login as " + settings.user() + "@" + settings.hostPort() + " failed: " + key.get().text() + ".";
                throw key.get().nothingGiven() ? SlipwayException.badInput(sentence) : SlipwayException.refused(sentence, e);
            }
            throw translate(e, settings, hostKeys.seen(), way);
        } catch (RuntimeException e) { // from the host key decision or writing known_hosts
            session.disconnect();
            throw e;
        }
    }

    /**
     * Shows what the server's host key is and whether known_hosts knows it, without logging in and
     * without changing any file: for the wizard's fingerprint confirmation before the first login.
     * With jump hosts, the first one on the way whose key is not known is the one shown (the ones
     * before it are logged into to get there).
     */
    public static HostKeyCheck checkHostKey(SshSettings settings) {
        Proxy way = null;
        try {
            for (SshSettings jump : settings.options().jumps()) {
                HostKeyCheck hop = checkOne(jump, way);
                if (hop.status() != HostKeyCheck.Status.KNOWN) return hop;
                way = new JumpProxy(login(jump, HostKeyDecision.REFUSE, System.getenv("SSH_AUTH_SOCK"), way), jump);
            }
            if (way == null && settings.options().proxyCommand() != null) way = new CommandProxy(settings);
            return checkOne(settings, way);
        } finally {
            if (way != null) way.close();
        }
    }

    private static HostKeyCheck checkOne(SshSettings settings, Proxy way) {
        KnownHostsRepository hostKeys = KnownHostsRepository.load(
                settings.knownHostsFile(), settings.host(), settings.port(), HostKeyDecision.REFUSE, true);
        Session session = newSession(settings, hostKeys, way);
        session.setConfig("PreferredAuthentications", "none");
        try {
            session.connect(CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            if (hostKeys.seen() != null) return hostKeys.seen();
            throw translate(e, settings, null, way);
        } finally {
            // the proxy (a jump host's channel) outlives this look: jsch would close it with the session
            session.setProxy(null);
            session.disconnect();
        }
        if (hostKeys.seen() != null) return hostKeys.seen();
        throw SlipwayException.refused("The SSH server at " + settings.hostPort() + " did not show a host key.");
    }

    private static Session newSession(SshSettings settings, KnownHostsRepository hostKeys, Proxy way) {
        JSch jsch = new JSch();
        Session session;
        try {
            session = jsch.getSession(settings.user(), settings.host(), settings.port());
            session.setServerAliveInterval(KEEPALIVE_INTERVAL_MS);
            session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
        } catch (JSchException e) {
            throw SlipwayException.badInput("The SSH target " + settings.uri() + " is not valid: " + e.getMessage() + ".");
        }
        if (way != null) session.setProxy(way);
        session.setHostKeyRepository(hostKeys);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("HashKnownHosts", "no");
        session.setDaemonThread(true);
        preferKnownAlgorithms(session, hostKeys.knownAlgorithms());
        return session;
    }

    /** Like ssh: ask for the key types known_hosts has for this host first, so a known host is not "unknown". */
    private static void preferKnownAlgorithms(Session session, List<String> known) {
        if (known.isEmpty()) return;
        String current = session.getConfig("server_host_key");
        if (current == null) return;
        List<String> offered = new ArrayList<>(Arrays.asList(current.split(",")));
        List<String> first = new ArrayList<>();
        for (String alg : known) {
            if (offered.remove(alg)) first.add(alg);
        }
        first.addAll(offered);
        session.setConfig("server_host_key", String.join(",", first));
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    static SlipwayException translate(JSchException e, SshSettings s, HostKeyCheck seen) {
        return translate(e, s, seen, null);
    }

    static SlipwayException translate(JSchException e, SshSettings s, HostKeyCheck seen, Proxy way) {
        String where = s.hostPort() + (s.options().path().isEmpty() ? "" : " (" + s.options().path() + ")");
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SlipwayException said) return said; // a jump host's own sentence
        }
        if (seen != null && (seen.status() == HostKeyCheck.Status.CHANGED || e instanceof JSchChangedHostKeyException)) {
            return changedKey(seen.key());
        }
        if (seen != null && e instanceof JSchHostKeyException) {
            return unknownKey(seen.key());
        }
        String msg = String.valueOf(e.getMessage());
        String type = e.getClass().getSimpleName();
        if (type.equals("JSchAuthCancelException") || type.equals("JSchPartialAuthException")
                || msg.startsWith("Auth fail") || msg.startsWith("Auth cancel")) {
            return SlipwayException.refused("SSH login as " + s.user() + "@" + where
                    + " was refused: check the user and key or password.", e);
        }
        if (e instanceof JSchAlgoNegoFailException) {
            return SlipwayException.refused("Cannot connect to " + where
                    + ": the server and Slipway have no SSH algorithm in common (" + msg + ").", e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return SlipwayException.refused("Cannot reach " + where + ": connection refused.", e);
            }
            if (c instanceof SocketTimeoutException) {
                return SlipwayException.refused("Cannot reach " + where + ": no answer within "
                        + CONNECT_TIMEOUT_MS / 1000 + " seconds.", e);
            }
            if (c instanceof UnknownHostException) {
                return SlipwayException.refused("Cannot reach " + where + ": the host name " + s.host()
                        + " is unknown.", e);
            }
            if (c instanceof NoRouteToHostException) {
                return SlipwayException.refused("Cannot reach " + where + ": no route to host.", e);
            }
        }
        if (msg.startsWith("timeout")) {
            return SlipwayException.refused("Cannot reach " + where + ": no answer within "
                    + CONNECT_TIMEOUT_MS / 1000 + " seconds.", e);
        }
        if (way instanceof CommandProxy command) {
            String said = command.lastError();
            return SlipwayException.refused("The SSH connection to " + where + " through the proxy command "
                    + command.command() + " failed" + (said.isEmpty() ? ": " + msg : ": " + said) + ".", e);
        }
        return SlipwayException.refused("The SSH connection to " + where + " failed: " + msg + ".", e);
    }

    private static boolean isAuthFailure(JSchException e) {
        String msg = String.valueOf(e.getMessage());
        String type = e.getClass().getSimpleName();
        return type.equals("JSchAuthCancelException") || type.equals("JSchPartialAuthException")
                || msg.startsWith("Auth fail") || msg.startsWith("Auth cancel");
    }

    static SlipwayException unknownKey(HostKeyInfo key) {
        return SlipwayException.refused("The host key of " + key.hostPort() + " is not known (" + key.display()
                + "). If that is your server's key, run again with --accept-new-host-key.");
    }

    static SlipwayException changedKey(HostKeyInfo key) {
        return SlipwayException.refused("The host key of " + key.hostPort() + " has changed: the server now shows "
                + key.display() + ", which may mean someone is intercepting the connection (man-in-the-middle); "
                + "if you know the server's key was replaced, remove the old line with ssh-keygen -f "
                + ShellQuote.quote(key.knownHostsFile().toString()) + " -R "
                + ShellQuote.quote(key.knownHostsName()) + " and connect again.");
    }
}
