package app.slipway.core.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as profiles write them: {@code 180s}, {@code 3m}, {@code 1h} ({@code 500ms} too), or a bare number of
 * seconds ({@code 90}). Always positive.
 */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|[smh]?)");

    private DurationText() {}

    /** The duration, or empty when the text is not one of the accepted forms or is zero. */
    public static Optional<Duration> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) return Optional.empty();
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        });
    }

    /** Compact form for display and round-tripping: {@code 3m}, {@code 90s}, {@code 1h}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s > 0 && s % 3600 == 0) return (s / 3600) + "h";
        if (s > 0 && s % 60 == 0) return (s / 60) + "m";
        return s + "s";
    }
}
