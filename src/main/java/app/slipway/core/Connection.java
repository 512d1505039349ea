package app.slipway.core;

import app.slipway.core.compose.ComposeCli;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.EngineVersion;
import app.slipway.core.host.Target;
import app.slipway.core.registry.RegistryLogins;

/**
 * A checked connection to a target (README §How an upgrade works step 1): the target itself, its Docker Engine that
 * answered with a version, the Compose CLI found there, and the registry logins of its user (for
 * pulls and tag look-ups). Closing it closes the target.
 */
public record Connection(Target target, Engine engine, EngineVersion engineVersion, ComposeCli compose,
                         RegistryLogins logins) implements AutoCloseable {

    /** A connection whose registry logins are the target user's, read when first needed. */
    public Connection(Target target, Engine engine, EngineVersion engineVersion, ComposeCli compose) {
        this(target, engine, engineVersion, compose, RegistryLogins.of(target));
    }

    public static Connection open(Target target) {
        // Compose's version check runs processes on the target; the engine check does not need it.
        Background<ComposeCli> compose = Background.start("compose-detect", () -> ComposeCli.detect(target));
        try {
            // One set of logins per connection: the pulls and the tag look-ups of a run read them once.
            RegistryLogins logins = RegistryLogins.of(target);
            Engine engine = Engine.connect(target.engineSocket(), target.describe(), logins);
            EngineVersion version = engine.version();
            return new Connection(target, engine, version, compose.join(), logins);
        } catch (RuntimeException e) {
            compose.awaitQuietly(); // nothing may use the target once it is closed
            target.close();
            throw e;
        }
    }

    /** "local · Docker 20.10.24 · docker-compose 1.29.2". */
    public String describe() {
        return target.describe() + " · Docker " + engineVersion.version() + " · " + compose.describe();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            target.close();
        }
    }
}
