package app.slipway.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** --dir and --profile, shared by the commands that read an installed stack. */
public final class StackOptions {
    @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "The install directory on the target (holds the compose file and .env).")
    String directory;

    @Option(names = "--profile", paramLabel = "P",
            description = "Built-in profile (strata, appstrate) or a path to a profile file. Detected from the images when omitted.")
    String profile;

    Optional<String> profile() {
        return Optional.ofNullable(profile);
    }
}
