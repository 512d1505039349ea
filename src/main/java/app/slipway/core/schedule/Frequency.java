package app.slipway.core.schedule;

import java.util.Locale;
import java.util.Optional;

/** How often {@code slipway auto} runs: systemd's calendar word and a cron time spread by {@code spread} (0–59). */
public enum Frequency {
    DAILY, HOURLY;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> parse(String text) {
        for (Frequency f : values()) {
            if (f.word().equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** {@code OnCalendar=} of the timer. */
    String onCalendar() {
        return word();
    }

    /** The cron fields: a minute (and, daily, an hour between 3 and 5 at night) taken from {@code spread}, so stacks do not all start at once. */
    String cronTime(int spread) {
        return this == HOURLY ? spread + " * * * *" : spread + " " + (3 + spread % 3) + " * * *";
    }
}
