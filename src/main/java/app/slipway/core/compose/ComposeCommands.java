package app.slipway.core.compose;

import app.slipway.core.host.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Compose command lines Slipway runs in an install directory, as data. Nothing here
 * runs anything: a target does, a plan prints them, tests assert on them.
 */
public final class ComposeCommands {
    private final ComposeCli cli;
    private final String directory;
    private final List<String> files;
    private final String project;

    /**
     * @param files   every compose file of the stack, primary first ({@code -f} each, relative to the directory)
     * @param project the stack's one project name ({@code -p}), or null to let Compose derive it
     */
    public ComposeCommands(ComposeCli cli, String directory, List<String> files, String project) {
        this.cli = cli;
        this.directory = directory;
        this.files = List.copyOf(files);
        this.project = project;
    }

    /** One compose file, the project Compose derives itself. */
    public ComposeCommands(ComposeCli cli, String directory, String composeFile) {
        this(cli, directory, List.of(composeFile), null);
    }

    /** The project name every command passes, when there is one. */
    public java.util.Optional<String> project() {
        return java.util.Optional.ofNullable(project);
    }

    public ComposeCli cli() {
        return cli;
    }

    /** The fully interpolated model, as Compose itself understands the files. */
    public Command config() {
        return command(List.of("config"));
    }

    public Command pull(List<String> services) {
        return command(concat(List.of("pull"), services));
    }

    public Command up(boolean removeOrphans) {
        return command(removeOrphans ? List.of("up", "-d", "--remove-orphans") : List.of("up", "-d"));
    }

    /** Starts one service alone (a database to restore into), not what depends on it. */
    public Command upNoDeps(String service) {
        return command(List.of("up", "-d", "--no-deps", service));
    }

    public Command stop(List<String> services) {
        return command(concat(List.of("stop"), services));
    }

    public Command start(List<String> services) {
        return command(concat(List.of("start"), services));
    }

    /** Removes the stopped containers of the given services without asking. */
    public Command rm(List<String> services) {
        return command(concat(List.of("rm", "-f", "-s"), services));
    }

    /** Runs a command inside a service's running container, without a TTY, streaming stdout. */
    public Command execT(String service, List<String> argv) {
        return command(concat(List.of("exec", "-T", service), argv));
    }

    private Command command(List<String> args) {
        var full = new ArrayList<String>();
        if (project != null) {
            full.add("-p");
            full.add(project);
        }
        for (String file : files) {
            full.add("-f");
            full.add(file);
        }
        full.addAll(args);
        return Command.in(directory, cli.argv(full));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
