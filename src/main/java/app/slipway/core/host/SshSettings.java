package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to reach a server over SSH. {@code password} is never shown by {@link #toString()}.
 *
 * @param identityFile private key file to log in with, or null for the defaults (~/.ssh/id_*)
 * @param password password to log in with, or null
 * @param knownHostsFile the OpenSSH known_hosts file the host key is checked against
 * @param acceptNewHostKey add an unknown host key to known_hosts instead of refusing
 * @param useAgent also offer the keys of the ssh-agent named by SSH_AUTH_SOCK
 */
public record SshSettings(
        String user,
        String host,
        int port,
        Path identityFile,
        char[] password,
        Path knownHostsFile,
        boolean acceptNewHostKey,
        boolean useAgent) {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@$-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%:-]+");

    public SshSettings {
        if (user == null || user.isBlank()) throw SlipwayException.badInput("The SSH user name is missing.");
        if (host == null || host.isBlank()) throw SlipwayException.badInput("The SSH host name is missing.");
        if (port < 1 || port > 65535) {
            throw SlipwayException.badInput("The SSH port " + port + " is not a port number (1-65535).");
        }
        if (knownHostsFile == null) knownHostsFile = defaultKnownHosts();
    }

    /** A user, host and port with the defaults: ~/.ssh/known_hosts, strict host keys, agent on. */
    public static SshSettings of(String user, String host, int port) {
        return new SshSettings(user, host, port, null, null, null, false, true);
    }

    public static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** "ssh://user@host:port", as {@link Target#describe()} shows it. */
    public String uri() {
        return "ssh://" + user + "@" + hostPort();
    }

    /** "host:port" (IPv6 literals in brackets), as used in messages. */
    public String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public SshSettings withIdentityFile(Path file) {
        return new SshSettings(user, host, port, file, password, knownHostsFile, acceptNewHostKey, useAgent);
    }

    public SshSettings withPassword(char[] pw) {
        return new SshSettings(user, host, port, identityFile, pw, knownHostsFile, acceptNewHostKey, useAgent);
    }

    public SshSettings withKnownHostsFile(Path file) {
        return new SshSettings(user, host, port, identityFile, password, file, acceptNewHostKey, useAgent);
    }

    public SshSettings withAcceptNewHostKey(boolean accept) {
        return new SshSettings(user, host, port, identityFile, password, knownHostsFile, accept, useAgent);
    }

    public SshSettings withUseAgent(boolean agent) {
        return new SshSettings(user, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, agent);
    }

    public SshSettings withUser(String u) {
        return new SshSettings(u, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, useAgent);
    }

    @Override
    public String toString() {
        return "SshSettings[" + uri() + ", identityFile=" + identityFile
                + ", password=" + (password == null ? "none" : "(set)")
                + ", knownHostsFile=" + knownHostsFile + ", acceptNewHostKey=" + acceptNewHostKey
                + ", useAgent=" + useAgent + "]";
    }

    /**
     * Parses {@code ssh://USER@HOST[:PORT]}. HOST may be an alias of ~/.ssh/config, whose HostName,
     * User, Port, IdentityFile and UserKnownHostsFile then apply where the URI does not say
     * otherwise. Without a user anywhere, the local user name is used, as ssh does.
     */
    public static SshSettings parse(String uri) {
        return parse(uri, Path.of(System.getProperty("user.home"), ".ssh", "config"));
    }

    /** {@link #parse(String)} with an explicit ssh config file (which need not exist). */
    public static SshSettings parse(String uri, Path sshConfig) {
        String usage = "The target " + uri + " is not valid: write it as ssh://USER@HOST or ssh://USER@HOST:PORT.";
        if (uri == null || !uri.startsWith("ssh://")) throw SlipwayException.badInput(usage);
        String rest = uri.substring("ssh://".length());
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (user.contains(":")) {
                throw SlipwayException.badInput("The target ssh://" + user.substring(0, user.indexOf(':'))
                        + ":***@" + rest + " contains a password: leave it out and give the password separately.");
            }
            if (!USER.matcher(user).matches()) throw SlipwayException.badInput(usage);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw SlipwayException.badInput(usage);
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) throw SlipwayException.badInput(usage);
                portText = after.substring(1);
            }
        } else {
            int colon = rest.indexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) portText = rest.substring(colon + 1);
        }
        if (!HOST.matcher(host).matches()) throw SlipwayException.badInput(usage);
        int port = -1;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}")) throw SlipwayException.badInput(usage);
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) throw SlipwayException.badInput(usage);
        }

        Path identity = null;
        Path knownHosts = null;
        ConfigRepository.Config config = readConfig(sshConfig, host);
        if (config != null) {
            if (config.getHostname() != null) host = expandTokens(config.getHostname(), host);
            if (user == null && config.getUser() != null) user = config.getUser();
            if (port == -1 && config.getPort() > 0) port = config.getPort();
            String id = config.getValue("IdentityFile");
            if (id != null) identity = Path.of(expandHome(unquote(id)));
            String kh = config.getValue("UserKnownHostsFile");
            if (kh != null && !kh.isBlank()) knownHosts = Path.of(expandHome(unquote(kh.trim().split("\\s+")[0])));
        }
        if (user == null) user = System.getProperty("user.name");
        if (port == -1) port = 22;
        return new SshSettings(user, host, port, identity, null, knownHosts, false, true);
    }

    private static ConfigRepository.Config readConfig(Path file, String host) {
        if (file == null || !Files.isRegularFile(file)) return null;
        try {
            return OpenSSHConfig.parseFile(file.toString()).getConfig(host);
        } catch (IOException | RuntimeException e) {
            throw SlipwayException.badInput("The SSH config file " + file + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
        return t;
    }

    private static String expandTokens(String value, String alias) {
        return value.replace("%h", alias).replace("%%", "%");
    }

    static String expandHome(String p) {
        String home = System.getProperty("user.home");
        if (p.equals("~")) return home;
        if (p.startsWith("~/")) return home + p.substring(1);
        return p.replace("%d", home);
    }
}
