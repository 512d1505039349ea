package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the local Docker Engine listens, as named by {@code DOCKER_HOST}: a unix socket path or a
 * plain TCP address. {@link #uri()} is the form shown to users.
 */
public record DockerHost(String uri, String socketPath, String tcpHost, int tcpPort) {
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    public static DockerHost unix(String path) {
        return new DockerHost("unix://" + path, path, null, 0);
    }

    public boolean isUnix() {
        return socketPath != null;
    }

    /** Parses a DOCKER_HOST value; null or blank means the default unix socket. */
    public static DockerHost parse(String value) {
        if (value == null || value.isBlank()) {
            return unix(DEFAULT_SOCKET);
        }
        String v = value.trim();
        if (v.startsWith("unix://")) {
            String path = v.substring("unix://".length());
            if (!path.startsWith("/")) {
                throw SlipwayException.badInput("DOCKER_HOST=" + v
                        + " is not a valid unix socket address: write it as unix:///absolute/path.");
            }
            return unix(path);
        }
        if (v.startsWith("tcp://") || v.startsWith("http://")) {
            try {
                URI u = new URI(v);
                if (u.getHost() == null) throw new URISyntaxException(v, "no host");
                int port = u.getPort() == -1 ? 2375 : u.getPort();
                return new DockerHost("tcp://" + hostForUri(u.getHost()) + ":" + port, null, u.getHost(), port);
            } catch (URISyntaxException e) {
                throw SlipwayException.badInput("DOCKER_HOST=" + v
                        + " is not a valid TCP address: write it as tcp://HOST:PORT.");
            }
        }
        if (v.startsWith("ssh://")) {
            throw SlipwayException.badInput("DOCKER_HOST=" + v
                    + " is not supported: unset it and pass the server as --host " + v + " instead.");
        }
        throw SlipwayException.badInput("DOCKER_HOST=" + v
                + " is not supported: use unix:///path/to/docker.sock or tcp://HOST:PORT.");
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
