package app.slipway.cli;

import app.slipway.core.host.PassphrasePrompt;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** The CLI asks for a key's passphrase on the terminal, without echo; with no terminal it cannot ask. */
final class TerminalPassphrase implements PassphrasePrompt {
    @Override
    public Optional<char[]> ask(Path key, boolean again) {
        Console console = System.console();
        if (console == null) return Optional.empty();
        char[] answer = console.readPassword("%sPassphrase for %s: ", again ? "That passphrase does not open the key. " : "", key);
        return answer == null || answer.length == 0 ? Optional.empty() : Optional.of(answer);
    }
}
