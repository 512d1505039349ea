package app.slipway.core.install;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.SecretKind;
import app.slipway.core.stack.EnvFile;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code .env} an install writes (README §The CLI (install)), computed from what is there already. Existing
 * values win byte for byte; only missing keys are appended: profile defaults (a {@code --set} value
 * wins over its default), other {@code --set} keys, secrets generated in the profile's kinds. The
 * version variable is pinned only when a version is given. An existing secret is never rotated.
 */
public final class InstallEnv {
    private InstallEnv() {}

    /** The new .env and which keys were added (names only: values may be secrets). */
    public record Result(EnvFile env, List<String> added, List<String> changed) {}

    /**
     * @param existing        the .env text there now ("" when none)
     * @param versionVariable the profile's version variable
     * @param to              the version to pin, or null to keep the pin
     */
    public static Result merge(String existing, InstallSpec spec, String versionVariable, Map<String, String> sets,
                               String to, SecureRandom random) {
        return merge(existing, spec.env(), spec.secrets(), versionVariable, sets, to, random);
    }

    /** As {@link #merge(String, InstallSpec, String, Map, String, SecureRandom)}, with the defaults and secrets given. */
    public static Result merge(String existing, Map<String, String> defaults, Map<String, SecretKind> secrets,
                               String versionVariable, Map<String, String> sets, String to, SecureRandom random) {
        EnvFile env = EnvFile.parse(existing);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : sets.entrySet()) {
            String key = e.getKey();
            if (!env.has(key)) continue; // appended below, in profile order where the profile names it
            if (env.get(key).orElse("").equals(e.getValue())) continue;
            if (secrets.containsKey(key)) {
                throw SlipwayException.badInput(key + " is a secret already set in .env and Slipway never changes one:"
                        + " drop --set " + key + ", or edit .env yourself if you really mean to rotate it.");
            }
            if (key.equals(versionVariable)) {
                throw SlipwayException.badInput("Pin the version with --to, not --set " + key + ".");
            }
            env = env.set(key, e.getValue());
            changed.add(key);
        }
        for (var d : defaults.entrySet()) {
            if (env.has(d.getKey())) continue;
            env = env.set(d.getKey(), sets.getOrDefault(d.getKey(), d.getValue()));
            added.add(d.getKey());
        }
        for (var e : sets.entrySet()) {
            if (env.has(e.getKey())) continue;
            if (e.getKey().equals(versionVariable)) {
                throw SlipwayException.badInput("Pin the version with --to, not --set " + e.getKey() + ".");
            }
            env = env.set(e.getKey(), e.getValue());
            added.add(e.getKey());
        }
        for (var s : secrets.entrySet()) {
            // An empty secret protects nothing: filling it in is not a rotation.
            if (env.get(s.getKey()).filter(v -> !v.isBlank()).isPresent()) continue;
            SecretKind kind = s.getValue();
            env = env.set(s.getKey(), kind.generate(random));
            added.add(s.getKey());
        }
        if (to != null) {
            boolean had = env.has(versionVariable);
            EnvFile pinned = env.set(versionVariable, to);
            if (pinned != env) (had ? changed : added).add(versionVariable);
            env = pinned;
        }
        return new Result(env, List.copyOf(added), List.copyOf(changed));
    }
}
