package app.slipway.core.host;

import java.io.IOException;

/** Opens a fresh connection to the Docker Engine's API socket, as seen from the target. */
@FunctionalInterface
public interface EngineSocket {
    DuplexStream open() throws IOException;
}
