package app.slipway.core.compose;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.Target;
import java.util.ArrayList;
import java.util.List;

/** Which Compose the target has, and its version: v2 preferred, v1 accepted (README §How an upgrade works step 1). */
public record ComposeCli(ComposeFlavor flavor, String version) {

    public static ComposeCli detect(Target target) {
        ExecResult v2 = target.exec(Command.of("docker", "compose", "version", "--short"));
        if (v2.ok() && !v2.stdout().isBlank()) {
            return new ComposeCli(ComposeFlavor.V2, cleanVersion(v2.stdout()));
        }
        var identity = ComposeVersionCache.identity(target);
        var known = identity.flatMap(id -> ComposeVersionCache.lookup(target, id));
        if (known.isPresent()) return new ComposeCli(ComposeFlavor.V1, known.get());
        ExecResult v1 = target.exec(Command.of("docker-compose", "version", "--short"));
        if (v1.ok() && !v1.stdout().isBlank()) {
            String version = cleanVersion(v1.stdout());
            identity.ifPresent(id -> ComposeVersionCache.remember(target, id, version));
            return new ComposeCli(ComposeFlavor.V1, version);
        }
        throw SlipwayException.refused("Neither 'docker compose' nor 'docker-compose' works on "
                + target.describe() + ": install Docker Compose and try again.");
    }

    /** "v2.24.1\n" and "1.29.2" both become the bare number. */
    static String cleanVersion(String raw) {
        String v = raw.strip();
        return v.startsWith("v") ? v.substring(1) : v;
    }

    /** The executable's leading arguments followed by {@code args}. */
    public List<String> argv(List<String> args) {
        var all = new ArrayList<>(flavor.executable());
        all.addAll(args);
        return all;
    }

    public String describe() {
        return flavor.displayName() + " " + version;
    }
}
