package app.slipway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what a package installs beside the launcher: a man page per command (DIR/man/man1) and the
 * bash and fish completion scripts (DIR/completions). packaging/linux/app-image.sh runs it on the
 * jar it packages, so the files describe exactly that build.
 *
 *   java -cp slipway.jar app.slipway.cli.ShellFiles DIR
 */
public final class ShellFiles {
    private ShellFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ShellFiles DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        var root = SlipwayCli.commandLine(new PrintWriter(System.out), new PrintWriter(System.err)).getCommandSpec();
        String version = new SlipwayVersion().getVersion()[0];
        Path man = Files.createDirectories(dir.resolve("man/man1"));
        for (var spec : ManPage.all(root)) {
            Files.writeString(man.resolve(ManPage.name(spec) + ".1"), ManPage.of(spec, version), StandardCharsets.UTF_8);
        }
        Path completions = Files.createDirectories(dir.resolve("completions"));
        Files.writeString(completions.resolve("slipway.bash"), CompletionCommand.script(root, CompletionCommand.Shell.bash));
        Files.writeString(completions.resolve("slipway.fish"), CompletionCommand.script(root, CompletionCommand.Shell.fish));
    }
}
