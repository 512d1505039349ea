package app.slipway.core.events;

import java.util.Map;
import java.util.Set;

/**
 * Masks the secrets of a .env that a run only learns as it goes (an install generates them), from
 * the moment the run knows them: hand {@link #envKnown} to the run, wrap the printer or page in this.
 */
public final class MaskingListener implements RunListener {
    private final RunListener next;
    private final Set<String> secretKeys;
    private volatile SecretRedactor redactor = new SecretRedactor(Map.of(), Set.of());

    public MaskingListener(RunListener next, Set<String> secretKeys) {
        this.next = next;
        this.secretKeys = Set.copyOf(secretKeys);
    }

    public void envKnown(Map<String, String> env) {
        redactor = new SecretRedactor(env, secretKeys);
    }

    /** The redactor for what is printed after the run (its result). */
    public SecretRedactor redactor() {
        return redactor;
    }

    @Override
    public void on(RunEvent event) {
        redactor.wrap(next).on(event);
    }
}
