package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Vector;

/**
 * The keys offered at login, in ssh's order: the agent's first (a key the agent holds unlocked
 * needs no passphrase), then the key files — the explicit one, the config's IdentityFile lines,
 * or ssh's default files when neither names any. A key with a passphrase is offered too; its
 * passphrase is asked for when jsch tries it ({@link SshPrompts}), once per run.
 * Read-only: nothing is ever added to the agent.
 */
final class SshIdentities implements IdentityRepository {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final List<Identity> files;
    private final IdentityRepository agent;
    private final boolean identitiesOnly;

    private SshIdentities(List<Identity> files, IdentityRepository agent, boolean identitiesOnly) {
        this.files = files;
        this.agent = agent;
        this.identitiesOnly = identitiesOnly;
    }

    /** @param agentSocket the agent's socket path (normally SSH_AUTH_SOCK), or null */
    static SshIdentities load(SshSettings settings, String agentSocket) {
        IdentityRepository agent = settings.useAgent() ? SshAgents.open(settings.options().identityAgent(), agentSocket) : null;
        JSch loader = new JSch();
        var named = new LinkedHashSet<Path>();
        if (settings.identityFile() != null) {
            Path key = settings.identityFile();
            if (!Files.isRegularFile(key)) {
                throw SlipwayException.badInput("The key file " + key + " does not exist.");
            }
            if (!Files.isReadable(key)) {
                throw SlipwayException.badInput("The key file " + key + " cannot be read: check its permissions.");
            }
            add(loader, key, true);
            named.add(key);
        }
        for (Path key : settings.options().identityFiles()) {
            if (named.add(key) && Files.isReadable(key)) add(loader, key, false); // like ssh: a missing one is skipped
        }
        if (named.isEmpty()) {
            Path dir = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : DEFAULT_KEYS) {
                Path key = dir.resolve(name);
                if (Files.isReadable(key)) add(loader, key, false);
            }
        }
        return new SshIdentities(new ArrayList<>(loader.getIdentityRepository().getIdentities()), agent,
                settings.options().identitiesOnly());
    }

    private static void add(JSch loader, Path key, boolean explicit) {
        try {
            loader.addIdentity(key.toString());
        } catch (JSchException e) {
            // like ssh: an unreadable key named by the config or a default file is skipped
            if (explicit) {
                throw SlipwayException.badInput("The key file " + key
                        + " is not a private key Slipway can read (OpenSSH ed25519, ECDSA or RSA keys are).");
            }
        }
    }

    boolean isEmpty() {
        return files.isEmpty() && agent == null;
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
        Vector<Identity> all = new Vector<>();
        List<Identity> fromAgent = List.of();
        if (agent != null) {
            try {
                fromAgent = agent.getIdentities();
            } catch (RuntimeException e) {
                // An agent that does not answer just offers no keys.
            }
        }
        for (Identity a : fromAgent) {
            // IdentitiesOnly: the agent may sign only for the key files named
            if (!identitiesOnly || files.stream().anyMatch(f -> sameKey(f, a))) all.add(a);
        }
        for (Identity f : files) {
            if (all.stream().noneMatch(a -> sameKey(f, a))) all.add(f);
        }
        return all;
    }

    private static boolean sameKey(Identity a, Identity b) {
        byte[] x = a.getPublicKeyBlob();
        byte[] y = b.getPublicKeyBlob();
        return x != null && y != null && Arrays.equals(x, y);
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
