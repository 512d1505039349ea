package app.slipway.core.host;

import com.jcraft.jsch.AgentConnector;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.WindowsSSHAgentConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ssh-agent to ask for keys: the config's IdentityAgent or SSH_AUTH_SOCK; on Windows the OpenSSH
 * agent's named pipe ({@code \\.\pipe\openssh-ssh-agent}, or the one IdentityAgent names), then
 * Pageant where the JNA library it needs is present. An agent that is not there offers no keys.
 */
final class SshAgents {
    static final String WINDOWS_PIPE = "\\\\.\\pipe\\openssh-ssh-agent";

    private SshAgents() {}

    /**
     * @param configured IdentityAgent from the config: null (the default), "none", "SSH_AUTH_SOCK" or a path
     * @param authSock   SSH_AUTH_SOCK's value, or null
     */
    static IdentityRepository open(String configured, String authSock) {
        if (configured != null && configured.equalsIgnoreCase("none")) return null;
        String socket = configured == null || configured.equals("SSH_AUTH_SOCK") ? authSock : configured;
        if (windows()) return windowsAgent(configured == null || configured.equals("SSH_AUTH_SOCK") ? null : configured);
        if (socket == null || socket.isBlank() || !Files.exists(Path.of(socket))) return null;
        try {
            return new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), Path.of(socket)));
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static IdentityRepository windowsAgent(String pipe) {
        try {
            AgentConnector openssh = pipe == null ? new WindowsSSHAgentConnector() : new WindowsSSHAgentConnector(pipe);
            if (openssh.isAvailable()) return new AgentIdentityRepository(openssh);
        } catch (Exception | LinkageError e) {
            // not there: try Pageant
        }
        try {
            AgentConnector pageant = (AgentConnector) Class.forName("com.jcraft.jsch.PageantConnector")
                    .getConstructor().newInstance();
            if (pageant.isAvailable()) return new AgentIdentityRepository(pageant);
        } catch (Exception | LinkageError e) {
            // Pageant needs JNA, which the packaged app leaves out: no agent
        }
        return null;
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
