package app.slipway.core.host;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers jsch's questions without a terminal of its own: the password (once, for keyboard-interactive
 * servers), a key's passphrase through {@link SshPassphrases}, never "yes" to anything.
 */
final class SshPrompts implements UserInfo, UIKeyboardInteractive {
    private static final String PASSPHRASE_FOR = "Passphrase for ";

    private final char[] password;
    private int keyboardAnswers;
    private final Map<Path, Integer> passphraseAsks = new HashMap<>();
    private char[] passphrase;
    private SshPassphrases.Problem problem;

    SshPrompts(char[] password) {
        this.password = password;
    }

    @Override
    public String getPassphrase() {
        if (passphrase == null) return null;
        String p = new String(passphrase); // jsch takes a String; the char[] is wiped
        java.util.Arrays.fill(passphrase, '\0');
        passphrase = null;
        return p;
    }

    @Override
    public String getPassword() {
        return password == null ? null : new String(password);
    }

    @Override
    public boolean promptPassword(String message) {
        return false; // the password was given to the session up front; never ask twice
    }

    /** jsch asks "Passphrase for KEYFILE" again for the same key when the last answer was wrong. */
    @Override
    public synchronized boolean promptPassphrase(String message) {
        if (message == null || !message.startsWith(PASSPHRASE_FOR)) return false;
        Path key = Path.of(message.substring(PASSPHRASE_FOR.length()).strip());
        int asks = passphraseAsks.merge(key, 1, Integer::sum);
        Optional<char[]> answer = SshPassphrases.forKey(key, asks > 1, asks);
        passphrase = answer.orElse(null);
        if (answer.isEmpty()) problem = SshPassphrases.problem(key).orElse(null);
        return answer.isPresent();
    }

    /** A key of this login that could not be opened (its passphrase missing or wrong), if any. */
    synchronized Optional<SshPassphrases.Problem> keyProblem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        // Banners are not shown.
    }

    @Override
    public synchronized String[] promptKeyboardInteractive(String destination, String name, String instruction,
            String[] prompt, boolean[] echo) {
        if (password == null || keyboardAnswers++ > 0 || prompt.length != 1) return null;
        return new String[] {new String(password)};
    }
}
