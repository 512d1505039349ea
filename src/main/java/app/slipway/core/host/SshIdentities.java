package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * The keys offered at login: the identity file (or ssh's default key files when none is given),
 * then the ssh-agent's keys. Read-only: nothing is ever added to the agent.
 */
final class SshIdentities implements IdentityRepository {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final List<Identity> files;
    private final IdentityRepository agent;

    private SshIdentities(List<Identity> files, IdentityRepository agent) {
        this.files = files;
        this.agent = agent;
    }

    /** @param agentSocket the agent's socket path (normally SSH_AUTH_SOCK), or null */
    static SshIdentities load(SshSettings settings, String agentSocket) {
        IdentityRepository agent = settings.useAgent() ? agent(agentSocket) : null;
        JSch loader = new JSch();
        if (settings.identityFile() != null) {
            Path key = settings.identityFile();
            if (!Files.isRegularFile(key)) {
                throw SlipwayException.badInput("The key file " + key + " does not exist.");
            }
            if (!Files.isReadable(key)) {
                throw SlipwayException.badInput("The key file " + key + " cannot be read: check its permissions.");
            }
            try {
                loader.addIdentity(key.toString());
            } catch (JSchException e) {
                throw SlipwayException.badInput("The key file " + key
                        + " is not a private key Slipway can read (OpenSSH ed25519, ECDSA or RSA keys are).");
            }
        } else {
            Path dir = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : DEFAULT_KEYS) {
                Path key = dir.resolve(name);
                if (!Files.isReadable(key)) continue;
                try {
                    loader.addIdentity(key.toString());
                } catch (JSchException e) {
                    // Like ssh: an unreadable default key is skipped.
                }
            }
        }
        List<Identity> files = new ArrayList<>();
        for (Identity id : loader.getIdentityRepository().getIdentities()) {
            if (id.isEncrypted()) {
                if (settings.identityFile() != null && agent == null) {
                    throw SlipwayException.badInput("The key file " + settings.identityFile()
                            + " is protected by a passphrase: load it into ssh-agent (ssh-add "
                            + settings.identityFile() + ") and run again.");
                }
                continue; // the agent may hold it unlocked
            }
            files.add(id);
        }
        return new SshIdentities(files, agent);
    }

    boolean isEmpty() {
        return files.isEmpty() && agent == null;
    }

    private static IdentityRepository agent(String socket) {
        if (socket == null || socket.isBlank() || !Files.exists(Path.of(socket))) return null;
        try {
            return new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), Path.of(socket)));
        } catch (AgentProxyException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String getName() {
        return "slipway";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(files);
        if (agent != null) {
            try {
                all.addAll(agent.getIdentities());
            } catch (RuntimeException e) {
                // An agent that does not answer just offers no keys.
            }
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // Read-only.
    }
}
