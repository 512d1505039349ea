package app.slipway.core.host;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The passphrases of this run's keys: SLIPWAY_SSH_PASSPHRASE for scripts, else the face's
 * {@link PassphrasePrompt}, asked once per key (a fleet's servers and every jump host share the
 * answer). Kept in memory only; {@link #problem(Path)} says why a key could not be used.
 */
public final class SshPassphrases {
    public static final String ENVIRONMENT = "SLIPWAY_SSH_PASSPHRASE";
    private static final int TRIES = 3;

    private static volatile PassphrasePrompt prompt = PassphrasePrompt.NOBODY;
    /** The process environment; tests put their own in. */
    static volatile java.util.function.Function<String, String> environment = System::getenv;
    private static final Map<Path, char[]> known = new HashMap<>();
    private static final Map<Path, Problem> problems = new HashMap<>();

    /** Why a key could not be used; {@code nothingGiven}: no passphrase at all (bad input), else a wrong one. */
    record Problem(String text, boolean nothingGiven) {}

    private SshPassphrases() {}

    /** The CLI and the wizard say how to ask, once, at start. */
    public static void askWith(PassphrasePrompt p) {
        prompt = p == null ? PassphrasePrompt.NOBODY : p;
    }

    /**
     * The passphrase to try for {@code key}. {@code again}: the one tried last was wrong.
     * Empty: give up on this key (the reason is kept for {@link #problem(Path)}).
     */
    static synchronized Optional<char[]> forKey(Path key, boolean again, int attempt) {
        String fromEnvironment = environment.apply(ENVIRONMENT);
        if (again) forget(key);
        if (!again && known.containsKey(key)) return Optional.of(known.get(key).clone());
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            if (again) {
                problems.put(key, new Problem("the passphrase in " + ENVIRONMENT + " does not open the key " + key, false));
                return Optional.empty();
            }
            return remember(key, fromEnvironment.toCharArray());
        }
        if (attempt > TRIES) {
            problems.put(key, new Problem("the passphrase for " + key + " was wrong " + TRIES + " times", false));
            return Optional.empty();
        }
        Optional<char[]> answer = prompt.ask(key, again);
        if (answer.isEmpty()) {
            problems.put(key, new Problem(prompt == PassphrasePrompt.NOBODY
                    ? "the key " + key + " has a passphrase and there is nobody to ask for it: set " + ENVIRONMENT
                            + " or load the key into ssh-agent (ssh-add " + key + ")"
                    : "no passphrase was given for the key " + key, true));
            return Optional.empty();
        }
        problems.remove(key);
        return remember(key, answer.get());
    }

    private static Optional<char[]> remember(Path key, char[] passphrase) {
        known.put(key, passphrase);
        return Optional.of(passphrase.clone());
    }

    private static void forget(Path key) {
        char[] old = known.remove(key);
        if (old != null) Arrays.fill(old, '\0');
    }

    /** Why {@code key} could not be used in this run (wrong or missing passphrase), if it could not. */
    static synchronized Optional<Problem> problem(Path key) {
        return Optional.ofNullable(problems.get(key));
    }

    /** Forgets every passphrase and problem (the wizard, between connections; tests). */
    public static synchronized void clear() {
        known.values().forEach(p -> Arrays.fill(p, '\0'));
        known.clear();
        problems.clear();
    }
}
