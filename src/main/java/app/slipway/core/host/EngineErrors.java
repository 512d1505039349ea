package app.slipway.core.host;

import app.slipway.core.SlipwayException;

/** The sentences shown when the Docker Engine socket cannot be used, locally or over SSH. */
final class EngineErrors {
    private EngineErrors() {}

    static SlipwayException notReachable(String engineUri, Throwable cause) {
        return SlipwayException.refused(
                "The Docker Engine is not reachable at " + engineUri + ": is it running?", cause);
    }

    static SlipwayException notReachable(String engineUri, String where, Throwable cause) {
        return SlipwayException.refused(
                "The Docker Engine is not reachable at " + engineUri + " on " + where + ": is it running?",
                cause);
    }

    static SlipwayException noPermission(String user, String socketPath, Throwable cause) {
        return SlipwayException.refused("User " + user + " may not use the Docker socket " + socketPath
                + ": add it to the docker group (sudo usermod -aG docker " + user + ") and log in again.", cause);
    }
}
