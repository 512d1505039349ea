package app.slipway.gui.connect;

import app.slipway.core.host.OpenSshConfig;
import app.slipway.core.host.SshSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Host aliases of an OpenSSH config file, offered in the Connect page's host box, as
 * {@link OpenSshConfig} reads them (Includes followed). Patterns ({@code *}, {@code ?},
 * {@code !negated}) are not places one can connect to and are skipped. An alias resolves through
 * the whole config, as {@code ssh ALIAS} would. Reading never fails: an unreadable file just
 * offers nothing.
 */
public final class SshConfigHosts {
    /** Aliases that {@code ssh://ALIAS} can carry (SshSettings.parse rejects the rest). */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path configFile;
    private final List<String> aliases;

    private SshConfigHosts(Path configFile, List<String> aliases) {
        this.configFile = configFile;
        this.aliases = aliases;
    }

    /** The user's ~/.ssh/config (which need not exist). */
    public static SshConfigHosts ofUser() {
        return read(OpenSshConfig.ofUser().file());
    }

    public static SshConfigHosts read(Path configFile) {
        return new SshConfigHosts(configFile, new OpenSshConfig(configFile).hostNames().stream()
                .filter(name -> ALIAS.matcher(name).matches()).toList());
    }

    /** The aliases in the order the config lists them. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * What {@code ssh ALIAS} would use, the whole config read as ssh reads it (HostName, User, Port,
     * keys, known hosts, jump hosts); empty when {@code alias} is not one of {@link #aliases()}.
     */
    public Optional<SshSettings> resolve(String alias) {
        if (alias == null || !aliases.contains(alias)) return Optional.empty();
        return Optional.of(SshSettings.parse("ssh://" + alias, configFile));
    }
}
