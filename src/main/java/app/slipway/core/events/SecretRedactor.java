package app.slipway.core.events;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secret values wherever they would reach output: values of a stack's {@code .env} can show
 * up in Compose's or a container's messages, and must never be printed or logged.
 */
public final class SecretRedactor {
    /** Keys whose values are secrets even when no profile says so. */
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|_KEY|KEY_|SALT|PRIVATE|CREDENTIAL).*");
    private static final int SHORTEST_MASKED = 4; // masking "1" or "no" would garble every line
    /** Masks nothing: for text that passes a masking runner anyway. */
    public static final SecretRedactor NONE = new SecretRedactor(Map.of(), java.util.Set.of());
    private final List<String> secrets;

    /**
     * @param env        the stack's .env values
     * @param secretKeys keys the product's profile generates as secrets
     */
    public SecretRedactor(Map<String, String> env, Collection<String> secretKeys) {
        this.secrets = env.entrySet().stream()
                .filter(e -> secretKeys.contains(e.getKey()) || SECRET_KEY.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue)
                .filter(v -> v != null && v.length() >= SHORTEST_MASKED)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Masks the stack's .env secrets: keys its profile generates, and keys named like secrets. */
    public static SecretRedactor forStack(app.slipway.core.stack.StackState stack) {
        var secretKeys = stack.profile().install().map(i -> i.secrets().keySet())
                .orElse(java.util.Set.of());
        return new SecretRedactor(stack.files().env().values(), secretKeys);
    }

    /** A redactor that masks this one's secrets and the other's. */
    public SecretRedactor and(SecretRedactor other) {
        return new SecretRedactor(java.util.stream.Stream.concat(secrets.stream(), other.secrets.stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "********");
        }
        return out;
    }

    /** A listener that masks secrets in every text an event carries before passing it on. */
    public RunListener wrap(RunListener next) {
        return event -> next.on(redact(event));
    }

    RunEvent redact(RunEvent event) {
        if (event instanceof RunEvent.LogLine l) return new RunEvent.LogLine(l.source(), redact(l.line()));
        if (event instanceof RunEvent.Notice n) return new RunEvent.Notice(redact(n.message()));
        if (event instanceof RunEvent.StepFailed f) return new RunEvent.StepFailed(f.step(), redact(f.message()), f.took());
        return event;
    }
}
