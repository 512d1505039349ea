package app.slipway.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (falls back to "development" when run from classes). */
public final class SlipwayVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SlipwayVersion.class.getPackage().getImplementationVersion();
        return new String[] {"slipway " + (v == null ? "development" : v)};
    }
}
