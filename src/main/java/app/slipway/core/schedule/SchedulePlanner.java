package app.slipway.core.schedule;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import app.slipway.core.host.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes down how {@code slipway auto} runs on the target by itself: a systemd timer where systemd
 * runs (system units as root, user units otherwise), else a cron line ({@code /etc/cron.d} as root,
 * the user's crontab otherwise). The job runs on the target, against its own Docker, so the target
 * needs Slipway itself.
 */
public final class SchedulePlanner {
    private SchedulePlanner() {}

    /**
     * @param autoArgs the arguments after the Slipway command ({@code auto --dir /srv/app})
     * @param slipway the command on the target; empty to use the one its PATH has
     */
    public static Schedule plan(TargetFacts facts, String directory, List<String> autoArgs, Optional<String> slipway,
                                Frequency frequency) {
        String command = slipway.or(facts::slipway).orElseThrow(() -> SlipwayException.refused("Slipway is not on the"
                + " target's PATH, and the scheduled job runs there: install it on the target (see Install from a package),"
                + " or name it with --slipway PATH."));
        var argv = new ArrayList<String>();
        argv.add(command);
        argv.addAll(autoArgs);
        String name = "slipway-auto-" + unitName(directory);
        if (facts.systemd()) return systemd(facts, name, directory, argv, frequency);
        if (facts.root() && facts.cronDir()) return cronDir(name, directory, argv, frequency);
        if (facts.crontab()) return crontab(name, directory, argv, frequency);
        throw SlipwayException.refused(facts.cronDir()
                ? "The target runs no systemd, and this user can reach no cron there (no crontab command, and /etc/cron.d is"
                        + " root's): connect as root, install cron, or run slipway auto from a scheduler of your own."
                : "The target runs neither systemd nor cron, so nothing would start slipway auto there: install cron on it,"
                        + " or run slipway auto from a scheduler of your own.");
    }

    private static Schedule systemd(TargetFacts facts, String name, String directory, List<String> argv, Frequency frequency) {
        String dir = facts.root() ? "/etc/systemd/system" : facts.home() + "/.config/systemd/user";
        String service = """
                # Written by slipway auto --schedule: an unattended update check of %s
                [Unit]
                Description=Slipway: unattended update of %s
                After=network-online.target docker.service
                Wants=network-online.target

                [Service]
                Type=oneshot
                ExecStart=%s
                # 100: an update waits for a person; not a failure of the job
                SuccessExitStatus=100
                """.formatted(directory, directory, systemdLine(argv));
        String timer = """
                # Written by slipway auto --schedule
                [Unit]
                Description=Slipway: unattended update of %s, %s

                [Timer]
                OnCalendar=%s
                RandomizedDelaySec=%s
                Persistent=true

                [Install]
                WantedBy=timers.target
                """.formatted(directory, frequency.word(), frequency.onCalendar(), frequency == Frequency.HOURLY ? "5m" : "30m");
        List<String> systemctl = facts.root() ? List.of("systemctl") : List.of("systemctl", "--user");
        var reload = new ArrayList<>(systemctl);
        reload.add("daemon-reload");
        var enable = new ArrayList<>(systemctl);
        enable.addAll(List.of("enable", "--now", name + ".timer"));
        String note = facts.root() ? "" : "A user timer runs only while you are logged in, unless lingering is on (loginctl"
                + " enable-linger).";
        return new Schedule("systemd timer", List.of(new Schedule.File(dir + "/" + name + ".service", service, 0644),
                new Schedule.File(dir + "/" + name + ".timer", timer, 0644)),
                List.of(new Command(reload, null, java.util.Map.of()), new Command(enable, null, java.util.Map.of())), note);
    }

    private static Schedule cronDir(String name, String directory, List<String> argv, Frequency frequency) {
        String file = """
                # Written by slipway auto --schedule: an unattended update check of %s
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                %s root %s
                """.formatted(directory, frequency.cronTime(spread(directory)), cronCommand(argv));
        // cron.d ignores files with dots in their names, and wants them owned by root and not group/world writable.
        return new Schedule("cron", List.of(new Schedule.File("/etc/cron.d/" + name, file, 0644)), List.of(),
                "cron mails the job's output to root when the machine can send mail.");
    }

    private static Schedule crontab(String name, String directory, List<String> argv, Frequency frequency) {
        String marker = "# " + name + " (written by slipway auto --schedule for " + directory + ")";
        String line = frequency.cronTime(spread(directory)) + " " + cronCommand(argv);
        // The user's crontab keeps every other line: the old lines for this stack (marker and job) are replaced.
        String script = "{ crontab -l 2>/dev/null | awk -v m=\"$1\" '$0 == m { skip = 1; next } skip { skip = 0; next } { print }';"
                + " printf '%s\\n%s\\n' \"$1\" \"$2\"; } | crontab -";
        return new Schedule("cron", List.of(), List.of(Command.of("sh", "-c", script, "sh", marker, line)),
                "The line goes into your crontab:\n" + marker + "\n" + line);
    }

    /** {@code /srv/strata} gives {@code srv-strata}: letters, digits and dashes, as unit and cron.d names take them. */
    static String unitName(String directory) {
        String name = directory.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "root" : name;
    }

    /** A minute from the directory's name: the same every time for one stack, different across stacks. */
    static int spread(String directory) {
        return Math.floorMod(directory.hashCode(), 60);
    }

    /** The shell's quoting, and {@code %} escaped: cron turns a bare one into a newline. */
    static String cronCommand(List<String> argv) {
        return ShellQuote.join(argv).replace("%", "\\%");
    }

    /** systemd's ExecStart quoting: double quotes where needed, {@code %} doubled (it starts a specifier). */
    static String systemdLine(List<String> argv) {
        var words = new ArrayList<String>();
        for (String arg : argv) {
            String escaped = arg.replace("%", "%%").replace("\\", "\\\\").replace("\"", "\\\"");
            words.add(escaped.matches("[A-Za-z0-9_./:=@+,-]+") ? escaped : "\"" + escaped + "\"");
        }
        return String.join(" ", words);
    }

    /** Writes the files and runs the commands on the target. */
    public static void apply(app.slipway.core.host.Target target, Schedule schedule) {
        for (Schedule.File file : schedule.files()) {
            target.mkdirs(file.path().substring(0, file.path().lastIndexOf('/')));
            target.writeFileAtomically(file.path(), file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), file.mode());
        }
        for (Command command : schedule.commands()) {
            var result = target.exec(command);
            if (!result.ok()) {
                throw SlipwayException.refused("'" + command.display() + "' failed on " + target.describe() + " ("
                        + result.stderr().strip() + "): the schedule is written but not in force; fix that, then schedule again.");
            }
        }
    }
}
