package app.slipway.core.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the person at the keyboard for a key's passphrase: a terminal prompt for the CLI, a dialog in
 * the wizard. The answer is used for the login and kept in memory for the rest of the run, never
 * written anywhere or logged.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    /** Nobody to ask (no terminal): a key with a passphrase needs SLIPWAY_SSH_PASSPHRASE or the agent. */
    PassphrasePrompt NOBODY = (key, again) -> Optional.empty();

    /**
     * @param key   the private key file
     * @param again the passphrase given before for it was wrong
     * @return the passphrase, or empty when the person declines (or cannot be asked)
     */
    Optional<char[]> ask(Path key, boolean again);
}
