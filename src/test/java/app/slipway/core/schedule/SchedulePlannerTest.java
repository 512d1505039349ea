package app.slipway.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.host.Command;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schedule as data: which kind, which files with what in them, which commands. */
class SchedulePlannerTest {
    private static final List<String> ARGS = List.of("auto", "--dir", "/srv/strata", "--profile", "strata");

    private static TargetFacts facts(boolean systemd, boolean root, boolean crontab, boolean cronDir) {
        return new TargetFacts(systemd, root, root ? "/root" : "/home/deploy", crontab, cronDir, Optional.of("/usr/bin/slipway"));
    }

    @Test
    void asRootWithSystemdASystemTimer() {
        Schedule s = SchedulePlanner.plan(facts(true, true, true, true), "/srv/strata", ARGS, Optional.empty(), Frequency.DAILY);

        assertEquals("systemd timer", s.kind());
        assertEquals(List.of("/etc/systemd/system/slipway-auto-srv-strata.service", "/etc/systemd/system/slipway-auto-srv-strata.timer"),
                s.files().stream().map(Schedule.File::path).toList());
        String service = s.files().get(0).content();
        assertTrue(service.contains("\nExecStart=/usr/bin/slipway auto --dir /srv/strata --profile strata\n"), service);
        assertTrue(service.contains("\nType=oneshot\n"), service);
        assertTrue(service.contains("\nSuccessExitStatus=100\n"), service);
        String timer = s.files().get(1).content();
        assertTrue(timer.contains("\nOnCalendar=daily\n"), timer);
        assertTrue(timer.contains("\nPersistent=true\n"), timer);
        assertTrue(timer.contains("\nWantedBy=timers.target\n"), timer);
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now slipway-auto-srv-strata.timer"),
                s.commands().stream().map(Command::display).toList());
        assertEquals(0644, s.files().get(0).mode());
    }

    @Test
    void asAUserWithSystemdAUserTimerAndTheLingerNote() {
        Schedule s = SchedulePlanner.plan(facts(true, false, false, false), "/srv/strata", ARGS, Optional.empty(), Frequency.HOURLY);

        assertEquals("/home/deploy/.config/systemd/user/slipway-auto-srv-strata.timer", s.files().get(1).path());
        assertTrue(s.files().get(1).content().contains("\nOnCalendar=hourly\n"));
        assertEquals(List.of("systemctl --user daemon-reload", "systemctl --user enable --now slipway-auto-srv-strata.timer"),
                s.commands().stream().map(Command::display).toList());
        assertTrue(s.note().contains("loginctl enable-linger"), s.note());
    }

    @Test
    void asRootWithoutSystemdACronDFile() {
        Schedule s = SchedulePlanner.plan(facts(false, true, false, true), "/srv/strata", ARGS, Optional.empty(), Frequency.DAILY);

        assertEquals("cron", s.kind());
        assertEquals("/etc/cron.d/slipway-auto-srv-strata", s.files().get(0).path());
        int minute = SchedulePlanner.spread("/srv/strata");
        assertTrue(s.files().get(0).content().endsWith("\n" + minute + " " + (3 + minute % 3)
                + " * * * root /usr/bin/slipway auto --dir /srv/strata --profile strata\n"), s.files().get(0).content());
        assertTrue(s.commands().isEmpty());
    }

    @Test
    void asAUserWithoutSystemdTheirCrontab() {
        Schedule s = SchedulePlanner.plan(facts(false, false, true, true), "/srv/strata", ARGS, Optional.empty(), Frequency.HOURLY);

        assertEquals("cron", s.kind());
        assertTrue(s.files().isEmpty());
        Command edit = s.commands().get(0);
        int minute = SchedulePlanner.spread("/srv/strata");
        assertEquals(minute + " * * * * /usr/bin/slipway auto --dir /srv/strata --profile strata", edit.argv().get(5));
        assertTrue(edit.argv().get(4).startsWith("# slipway-auto-srv-strata "), edit.argv().get(4));
    }

    @Test
    void neitherSystemdNorCronIsRefused() {
        SlipwayException e = assertThrows(SlipwayException.class, () ->
                SchedulePlanner.plan(facts(false, false, false, false), "/srv/strata", ARGS, Optional.empty(), Frequency.DAILY));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("The target runs neither systemd nor cron"), e.getMessage());
    }

    @Test
    void withoutSlipwayOnTheTargetItIsRefusedUnlessNamed() {
        var none = new TargetFacts(true, true, "/root", false, false, Optional.empty());

        SlipwayException e = assertThrows(SlipwayException.class, () ->
                SchedulePlanner.plan(none, "/srv/strata", ARGS, Optional.empty(), Frequency.DAILY));
        assertTrue(e.getMessage().startsWith("Slipway is not on the target's PATH"), e.getMessage());

        Schedule named = SchedulePlanner.plan(none, "/srv/strata", ARGS, Optional.of("/opt/slipway/bin/Slipway"), Frequency.DAILY);
        assertTrue(named.files().get(0).content().contains("ExecStart=/opt/slipway/bin/Slipway auto"));
    }

    @Test
    void namesAndQuoting() {
        assertEquals("srv-my-app", SchedulePlanner.unitName("/srv/my app/"));
        assertEquals("root", SchedulePlanner.unitName("/"));
        assertEquals("/usr/bin/slipway auto --dir \"/srv/my app\" \"--x=100%%\"",
                SchedulePlanner.systemdLine(List.of("/usr/bin/slipway", "auto", "--dir", "/srv/my app", "--x=100%")));
    }
}
