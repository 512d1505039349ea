package app.slipway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command's man page in roff (man(7)), written from its picocli model so it says what
 * {@code --help} says. picocli's own generator lives in picocli-codegen, which the build does not have.
 */
final class ManPage {
    private ManPage() {}

    /** "slipway-fleet-upgrade": the page's name, its command path joined by dashes. */
    static String name(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String of(CommandSpec spec, String version) {
        var sb = new StringBuilder();
        sb.append(".TH \"").append(escape(name(spec).toUpperCase(Locale.ROOT))).append("\" \"1\" \"\" \"")
                .append(escape(version)).append("\" \"Slipway Manual\"\n");
        sb.append(".SH NAME\n").append(escape(name(spec))).append(" \\- ")
                .append(escape(FishCompletion.summary(spec.usageMessage().description()))).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n")
                .append(escape(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).strip())).append("\n.fi\n");
        sb.append(".SH DESCRIPTION\n").append(paragraphs(text(spec.usageMessage().description(), null)));
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (var positional : spec.positionalParameters()) {
                if (positional.hidden()) continue;
                sb.append(".TP\n\\fI").append(escape(positional.paramLabel())).append("\\fR\n")
                        .append(paragraphs(text(positional.description(), positional)));
            }
            for (OptionSpec option : spec.options()) {
                if (option.hidden()) continue;
                var names = new ArrayList<String>();
                for (String n : option.names()) names.add("\\fB" + escape(n) + "\\fR");
                sb.append(".TP\n").append(String.join(", ", names));
                if (option.arity().max() > 0) sb.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                sb.append('\n').append(paragraphs(text(option.description(), option)));
            }
        }
        List<String> subcommands = new ArrayList<>();
        spec.subcommands().forEach((key, sub) -> {
            if (key.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) subcommands.add(key);
        });
        if (!subcommands.isEmpty()) {
            sb.append(".SH COMMANDS\n");
            for (String key : subcommands) {
                CommandSpec sub = spec.subcommands().get(key).getCommandSpec();
                sb.append(".TP\n\\fB").append(escape(key)).append("\\fR\n")
                        .append(escape(FishCompletion.summary(sub.usageMessage().description()))).append(" See \\fB")
                        .append(escape(name(sub))).append("\\fR(1).\n");
            }
        }
        var exitCodes = spec.root().usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            sb.append(".SH EXIT STATUS\n");
            exitCodes.forEach((code, meaning) -> sb.append(".TP\n").append(escape(code.strip())).append('\n')
                    .append(escape(meaning)).append('\n'));
        }
        if (spec.parent() != null) {
            sb.append(".SH SEE ALSO\n\\fB").append(escape(name(spec.parent()))).append("\\fR(1)\n");
        }
        return sb.toString();
    }

    /** The description as --help words it: format codes and the variables this project uses expanded. */
    private static String text(String[] description, ArgSpec arg) {
        String text = String.join("\n", description).replace("%n", "\n");
        if (arg != null) {
            text = text.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValueString()));
            if (arg.completionCandidates() != null) {
                text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", arg.completionCandidates()));
            }
        }
        return text;
    }

    private static String paragraphs(String text) {
        var sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank()) sb.append(".PP\n");
            else sb.append(escape(line.strip())).append('\n');
        }
        return sb.toString();
    }

    /** roff's special characters: backslashes, hyphens (so they copy as ASCII) and a control character at a line's start. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.replaceAll("(?m)^([.'])", "\\\\&$1");
    }

    /** Every page of a command tree, root first. */
    static List<CommandSpec> all(CommandSpec root) {
        var specs = new ArrayList<CommandSpec>();
        specs.add(root);
        root.subcommands().forEach((key, sub) -> {
            if (key.equals(sub.getCommandName()) && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                specs.addAll(all(sub.getCommandSpec()));
            }
        });
        return specs;
    }
}
