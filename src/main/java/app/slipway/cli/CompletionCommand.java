package app.slipway.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway completion bash|zsh|fish}: the shell's completion script, made from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints the completion script for SHELL. bash: source <(slipway completion bash); zsh: the same"
                + " (it loads bashcompinit); fish: slipway completion fish | source. The .deb installs all three.")
public final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.") Shell shell;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(script(spec.root(), shell));
        out.flush();
        return 0;
    }

    /** picocli writes bash's, which zsh runs through bashcompinit; fish's is our own. */
    static String script(CommandSpec root, Shell shell) {
        return shell == Shell.fish ? FishCompletion.of(root) : AutoComplete.bash(root.name(), root.commandLine());
    }
}
