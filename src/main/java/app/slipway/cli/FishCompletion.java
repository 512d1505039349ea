package app.slipway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * fish's completion script, walked from the command tree (picocli writes only bash's): a helper
 * that finds which command the line is in, then per command its subcommands and options.
 */
final class FishCompletion {
    private FishCompletion() {}

    static String of(CommandSpec root) {
        String name = root.name();
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        var sb = new StringBuilder("# fish completion for " + name + ", generated from its commands.\n");
        sb.append("set -g __").append(name).append("_commands");
        for (String p : paths) if (!p.isEmpty()) sb.append(" '").append(p).append('\'');
        sb.append("\n\n");
        sb.append("function __").append(name).append("_command_is\n")
                .append("    set -l path ''\n")
                .append("    for word in (commandline -opc)[2..-1]\n")
                .append("        set -l next (string trim -- \"$path $word\")\n")
                .append("        if contains -- \"$next\" $__").append(name).append("_commands\n")
                .append("            set path $next\n")
                .append("        end\n")
                .append("    end\n")
                .append("    test \"$path\" = \"$argv[1]\"\n")
                .append("end\n\n");
        sb.append("complete -c ").append(name).append(" -f\n");
        write(sb, name, root, "");
        return sb.toString();
    }

    private static void collect(CommandSpec spec, String path, List<String> paths) {
        paths.add(path);
        for (Map.Entry<String, picocli.CommandLine> sub : spec.subcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) continue; // aliases once
            collect(sub.getValue().getCommandSpec(), (path + " " + sub.getKey()).strip(), paths);
        }
    }

    private static void write(StringBuilder sb, String name, CommandSpec spec, String path) {
        String when = " -n '__" + name + "_command_is \"" + path + "\"'";
        for (Map.Entry<String, picocli.CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (!sub.getKey().equals(child.name()) || child.usageMessage().hidden()) continue;
            sb.append("complete -c ").append(name).append(when).append(" -a ").append(quote(sub.getKey()))
                    .append(" -d ").append(quote(summary(child.usageMessage().description()))).append('\n');
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) continue;
            sb.append("complete -c ").append(name).append(when);
            for (String n : option.names()) {
                sb.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
            }
            if (option.arity().max() > 0) {
                var candidates = option.completionCandidates();
                if (candidates != null && candidates.iterator().hasNext()) {
                    sb.append(" -x -a ").append(quote(String.join(" ", candidates)));
                } else {
                    sb.append(" -r -F"); // a value, often a path
                }
            }
            sb.append(" -d ").append(quote(summary(option.description()))).append('\n');
        }
        for (var positional : spec.positionalParameters()) {
            var candidates = positional.completionCandidates();
            if (candidates == null || !candidates.iterator().hasNext() || positional.hidden()) continue;
            sb.append("complete -c ").append(name).append(when).append(" -a ").append(quote(String.join(" ", candidates)))
                    .append('\n');
        }
        for (Map.Entry<String, picocli.CommandLine> sub : spec.subcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) continue;
            write(sb, name, sub.getValue().getCommandSpec(), (path + " " + sub.getKey()).strip());
        }
    }

    /** The first sentence, without picocli's format codes and variables. */
    static String summary(String[] description) {
        String text = description.length == 0 ? "" : description[0];
        text = text.replaceAll("%n.*", "").replaceAll("\\$\\{[^}]*}", "").strip();
        int stop = text.indexOf(". ");
        if (stop > 0) text = text.substring(0, stop + 1);
        return text.length() > 100 ? text.substring(0, 99) + "…" : text;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
