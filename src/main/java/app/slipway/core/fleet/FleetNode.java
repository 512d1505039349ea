package app.slipway.core.fleet;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One server of a fleet file (README §Several servers).
 *
 * @param host {@code local}, or {@code ssh://USER@HOST[:PORT]}
 * @param dir  the install directory on that server
 */
public record FleetNode(String name, String host, String dir, Optional<Path> identity, Optional<Path> knownHosts) {}
