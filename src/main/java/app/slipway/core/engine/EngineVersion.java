package app.slipway.core.engine;

/** What the engine says about itself on {@code GET /version}. */
public record EngineVersion(String version, String apiVersion, String os, String arch) {
    @Override
    public String toString() {
        return "Docker Engine " + version + " (API " + apiVersion + ", " + os + "/" + arch + ")";
    }
}
