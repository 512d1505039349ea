package app.slipway.core.host;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

/**
 * Answers jsch's questions without a terminal: the password (once, for keyboard-interactive
 * servers), never a passphrase, never "yes" to anything.
 */
final class SshPasswordPrompt implements UserInfo, UIKeyboardInteractive {
    private final char[] password;
    private int keyboardAnswers;

    SshPasswordPrompt(char[] password) {
        this.password = password;
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public String getPassword() {
        return password == null ? null : new String(password);
    }

    @Override
    public boolean promptPassword(String message) {
        return false; // the password was given to the session up front; never ask twice
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
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
