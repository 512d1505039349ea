package app.slipway.core.registry;

import app.slipway.core.host.Target;

/**
 * Where a registry login lives and is made — the target user's Docker config — in the words a
 * sentence needs: "on ssh://deploy@host (as the user Slipway logs in as)", or this computer.
 */
record LoginPlace(boolean remote, String target) {
    static final LoginPlace THIS_COMPUTER = new LoginPlace(false, "local");

    static LoginPlace of(Target target) {
        return new LoginPlace(target.isRemote(), target.describe());
    }

    /** "on ssh://deploy@host" or "on this computer". */
    String on() {
        return remote ? "on " + target : "on this computer";
    }

    /** Whose {@code docker login} counts. */
    String asWho() {
        return remote ? "(as the user Slipway logs in as)" : "(as the user Slipway runs as)";
    }

    /** What pulls: the engine of the server, or of this computer. */
    String puller() {
        return remote ? "this server" : "this computer";
    }
}
