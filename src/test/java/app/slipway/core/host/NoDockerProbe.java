package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.util.Map;

/** Run by {@link LocalTargetTest} in a JVM of its own, as a user without docker group access. */
public final class NoDockerProbe {
    private NoDockerProbe() {}

    public static void main(String[] args) throws Exception {
        try (DuplexStream s = new LocalTarget(Map.of("DOCKER_HOST", args[0])).engineSocket().open()) {
            System.out.println("connected");
        } catch (SlipwayException e) {
            System.out.println(e.getMessage());
        }
    }
}
