package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.check.CheckResult;
import app.slipway.core.notify.Delivery;
import app.slipway.core.notify.Notification;
import app.slipway.core.notify.NotifyFile;
import app.slipway.core.notify.Notifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway check}: is a newer release the stack's policy allows out? Reads the stack as
 * {@code status} does and the releases as {@code versions} does; never pulls, never takes the
 * lock, never writes the stack's files. Exit 100 says yes, so scripts and timers can act on it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Tells whether a newer release that the stack's update policy (DIR/.slipway/policy.yml) allows is out."
                + " Changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:up to date: no newer release the policy allows",
            "100:a newer release the policy allows is available",
            "  2:bad input (options, policy.yml, notify.yml)",
            "  3:the stack, its releases or its registry cannot be read",
            "  1:internal error (a bug)"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin StackOptions stack;
    @Option(names = "--json", description = "Print the result as one JSON object.") boolean json;
    @Option(names = "--notify", description = "Send the result to the channels of notify.yml (the stack's and yours)"
            + " when a newer allowed release is available, and only then.")
    boolean notify;
    @Option(names = "--cache-dir", hidden = true, description = "Cache directory (default $SLIPWAY_CACHE_DIR, else ~/.cache/slipway).")
    Path cacheDir;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Connection connection = target.connect()) {
            StackCheck stackCheck = StackCheck.read(connection, stack);
            String directory = stackCheck.directory();
            // notify.yml is read before the releases, so a mistake in it shows whatever the answer.
            Optional<Notifier> notifier = notify ? Optional.of(notifier(connection, directory)) : Optional.empty();
            CheckResult result = stackCheck.check(connection, Optional.ofNullable(cacheDir));
            List<Delivery> deliveries = result.updateAvailable() && notifier.isPresent()
                    ? notifier.get().send(Notification.updateAvailable(result, connection.target().describe(), directory))
                    : List.of();
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(CheckOutput.asJson(result, notify ? Optional.of(deliveries) : Optional.empty()))
                    : CheckOutput.text(result, upgradeHint(directory, result)));
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            result.notices().forEach(err::println); // stderr, so --json stays parseable
            CheckOutput.deliveries(err, deliveries);
            return result.updateAvailable() ? ExitCode.UPDATE_AVAILABLE.code : ExitCode.DONE.code;
        }
    }

    private static Notifier notifier(Connection connection, String directory) {
        var notifier = new Notifier(NotifyFile.channels(connection.target(), directory, System::getenv));
        if (!notifier.hasChannels()) {
            throw SlipwayException.badInput("--notify has nowhere to send: add channels to " + NotifyFile.stackPath(directory)
                    + " or " + NotifyFile.userPath(System::getenv) + ".");
        }
        return notifier;
    }

    private String upgradeHint(String directory, CheckResult result) {
        String host = target.hostOption();
        return result.newestAllowed().map(r -> CommandName.current() + " upgrade" + (host == null ? "" : " " + host)
                + " --dir " + directory + " --to " + r.tag()).orElse("");
    }
}
