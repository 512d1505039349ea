package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How to reach a server over SSH. {@code password} is never shown by {@link #toString()}.
 *
 * @param identityFile private key file to log in with, or null for the defaults (~/.ssh/id_*)
 * @param password password to log in with, or null
 * @param knownHostsFile the OpenSSH known_hosts file the host key is checked against
 * @param acceptNewHostKey add an unknown host key to known_hosts instead of refusing
 * @param useAgent also offer the keys of the ssh-agent (SSH_AUTH_SOCK, or the config's IdentityAgent)
 * @param options what the user's ssh config adds: jump hosts or a proxy command, more keys, the agent
 */
public record SshSettings(
        String user,
        String host,
        int port,
        Path identityFile,
        char[] password,
        Path knownHostsFile,
        boolean acceptNewHostKey,
        boolean useAgent,
        SshOptions options) {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@$-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%:-]+");
    /** Jump hosts that name jump hosts: deeper than this is a loop in the config. */
    private static final int MAX_HOPS = 8;

    public SshSettings {
        if (user == null || user.isBlank()) throw SlipwayException.badInput("The SSH user name is missing.");
        if (host == null || host.isBlank()) throw SlipwayException.badInput("The SSH host name is missing.");
        if (port < 1 || port > 65535) {
            throw SlipwayException.badInput("The SSH port " + port + " is not a port number (1-65535).");
        }
        if (knownHostsFile == null) knownHostsFile = defaultKnownHosts();
        if (options == null) options = SshOptions.NONE;
    }

    public SshSettings(String user, String host, int port, Path identityFile, char[] password, Path knownHostsFile,
                       boolean acceptNewHostKey, boolean useAgent) {
        this(user, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, useAgent, SshOptions.NONE);
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

    /** Where the connection goes and how: "deploy@10.0.0.5:22 via deploy@bastion:22". */
    public String destination() {
        String path = options.path();
        return user + "@" + hostPort() + (path.isEmpty() ? "" : " " + path);
    }

    /** An explicit key (--identity): offered first here and on every jump host; null keeps what was there. */
    public SshSettings withIdentityFile(Path file) {
        if (file == null) return this;
        return new SshSettings(user, host, port, file, password, knownHostsFile, acceptNewHostKey, useAgent,
                options.withJumps(options.jumps().stream().map(j -> j.withIdentityFile(file)).toList()));
    }

    public SshSettings withPassword(char[] pw) {
        return new SshSettings(user, host, port, identityFile, pw, knownHostsFile, acceptNewHostKey, useAgent, options);
    }

    /** A known_hosts file for this host and every jump host; null keeps what was there. */
    public SshSettings withKnownHostsFile(Path file) {
        if (file == null) return this;
        return new SshSettings(user, host, port, identityFile, password, file, acceptNewHostKey, useAgent,
                options.withJumps(options.jumps().stream().map(j -> j.withKnownHostsFile(file)).toList()));
    }

    /** Trusting a new host key, for this host and every jump host (only ever turns it on). */
    public SshSettings withAcceptNewHostKey(boolean accept) {
        if (!accept) return this;
        return new SshSettings(user, host, port, identityFile, password, knownHostsFile, true, useAgent,
                options.withJumps(options.jumps().stream().map(j -> j.withAcceptNewHostKey(true)).toList()));
    }

    public SshSettings withUseAgent(boolean agent) {
        return new SshSettings(user, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, agent, options);
    }

    public SshSettings withUser(String u) {
        return new SshSettings(u, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, useAgent, options);
    }

    public SshSettings withOptions(SshOptions o) {
        return new SshSettings(user, host, port, identityFile, password, knownHostsFile, acceptNewHostKey, useAgent, o);
    }

    @Override
    public String toString() {
        return "SshSettings[" + uri() + ", identityFile=" + identityFile
                + ", password=" + (password == null ? "none" : "(set)")
                + ", knownHostsFile=" + knownHostsFile + ", acceptNewHostKey=" + acceptNewHostKey
                + ", useAgent=" + useAgent + ", options=" + options + "]";
    }

    /**
     * Parses {@code ssh://USER@HOST[:PORT]}. HOST may be an alias of ~/.ssh/config, read as OpenSSH
     * reads it ({@link OpenSshConfig}): HostName, User, Port, IdentityFile, IdentitiesOnly,
     * IdentityAgent, ProxyJump, ProxyCommand, StrictHostKeyChecking and UserKnownHostsFile apply where
     * the URI does not say otherwise. Without a user anywhere, the local user name is used, as ssh does.
     */
    public static SshSettings parse(String uri) {
        return parse(uri, OpenSshConfig.ofUser().file());
    }

    /** {@link #parse(String)} with an explicit ssh config file (which need not exist). */
    public static SshSettings parse(String uri, Path sshConfig) {
        String usage = "The target " + uri + " is not valid: write it as ssh://USER@HOST or ssh://USER@HOST:PORT.";
        if (uri == null || !uri.startsWith("ssh://")) throw SlipwayException.badInput(usage);
        return resolve(uri.substring("ssh://".length()), new OpenSshConfig(sshConfig), usage, 0);
    }

    /** One destination ({@code [user@]host[:port]}) through the config; its jump hosts resolved the same way. */
    private static SshSettings resolve(String destination, OpenSshConfig config, String usage, int depth) {
        String rest = destination;
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
        if (portText != null) port = port(portText, usage);

        String alias = host;
        OpenSshConfig.Options o = config.resolve(alias, user);
        host = o.hostName();
        if (user == null) user = o.value("user");
        if (user == null) user = System.getProperty("user.name");
        if (port == -1 && o.value("port") != null) port = port(o.value("port"), "The SSH config " + config.file()
                + " gives " + alias + " the port '" + o.value("port") + "', which is not a port number.");
        if (port == -1) port = 22;

        var tokens = new Tokens(alias, host, port, user);
        List<Path> identities = o.identityFiles().stream().filter(f -> !f.equalsIgnoreCase("none"))
                .map(f -> Path.of(tokens.expand(f))).toList();
        Path knownHosts = null;
        String kh = o.value("userknownhostsfile");
        if (kh != null && !kh.equalsIgnoreCase("none")) knownHosts = Path.of(tokens.expand(kh));
        String strict = o.value("stricthostkeychecking");
        // accept-new, and no/off (where Slipway still refuses a changed key: README "SSH")
        boolean acceptNew = strict != null && List.of("accept-new", "no", "off").contains(strict.toLowerCase(Locale.ROOT));
        String agent = o.value("identityagent");
        if (agent != null && !agent.equalsIgnoreCase("none") && !agent.equals("SSH_AUTH_SOCK")) {
            agent = agent.startsWith("$") ? System.getenv(agent.substring(1)) : tokens.expand(agent);
        }
        boolean identitiesOnly = "yes".equalsIgnoreCase(o.value("identitiesonly"));

        List<SshSettings> jumps = new ArrayList<>();
        String proxyCommand = null;
        String way = o.firstOf("proxyjump", "proxycommand");
        if ("proxyjump".equals(way) && !o.value("proxyjump").equalsIgnoreCase("none")) {
            if (depth >= MAX_HOPS) {
                throw SlipwayException.badInput("The SSH config " + config.file() + " sends " + alias
                        + " through more than " + MAX_HOPS + " jump hosts: a ProxyJump that leads back to itself?");
            }
            for (String hop : o.value("proxyjump").split(",")) {
                String h = hop.strip();
                if (h.startsWith("ssh://")) h = h.substring("ssh://".length());
                SshSettings jump = resolve(h, config, "The jump host '" + hop.strip() + "' for " + alias
                        + " is not valid: write it as [USER@]HOST[:PORT].", depth + 1);
                jumps.addAll(jump.options().jumps());
                jumps.add(jump.withOptions(jump.options().withJumps(List.of())));
            }
        } else if ("proxycommand".equals(way) && !o.line("proxycommand").equalsIgnoreCase("none")) {
            proxyCommand = o.line("proxycommand");
        }
        var options = new SshOptions(alias, jumps, proxyCommand, identities, identitiesOnly, agent);
        return new SshSettings(user, host, port, null, null, knownHosts, acceptNew, true, options);
    }

    private static int port(String text, String message) {
        if (!text.matches("[0-9]{1,5}")) throw SlipwayException.badInput(message);
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) throw SlipwayException.badInput(message);
        return port;
    }

    /** ssh_config's TOKENS for file names and proxy commands: %d %u %h %n %p %r %% and a leading ~. */
    record Tokens(String alias, String host, int port, String user) {
        String expand(String value) {
            String v = expandHome(value);
            var out = new StringBuilder();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c != '%' || i + 1 >= v.length()) {
                    out.append(c);
                    continue;
                }
                char t = v.charAt(++i);
                switch (t) {
                    case 'd' -> out.append(System.getProperty("user.home"));
                    case 'u' -> out.append(System.getProperty("user.name"));
                    case 'h' -> out.append(host);
                    case 'n' -> out.append(alias);
                    case 'p' -> out.append(port);
                    case 'r' -> out.append(user);
                    case '%' -> out.append('%');
                    default -> out.append('%').append(t);
                }
            }
            return out.toString();
        }
    }

    static String expandHome(String p) {
        String home = System.getProperty("user.home");
        if (p.equals("~")) return home;
        if (p.startsWith("~/")) return home + p.substring(1);
        return p;
    }
}
