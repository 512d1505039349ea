package app.slipway.core.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release's minimum age as policy.yml writes it: {@code 7d}, {@code 36h}, {@code 2w}, or {@code 0} for none. */
public final class AgeText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})\\s*([hdw])");

    private AgeText() {}

    /** The age, or empty when the text is not one of the forms. */
    public static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (t.equals("0")) return Optional.of(Duration.ZERO);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) return Optional.empty();
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "w" -> Duration.ofDays(7 * amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** {@code 7d}, {@code 36h}; {@code 0} for none. Weeks are shown as days. */
    public static String format(Duration age) {
        long hours = age.toHours();
        if (hours == 0) return "0";
        return hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
    }

    /** How long something has been out, for people: {@code less than an hour}, {@code 20h}, {@code 3d}. */
    public static String describe(Duration age) {
        long hours = Math.max(0, age.toHours());
        if (hours == 0) return "less than an hour";
        return hours < 48 ? hours + "h" : hours / 24 + "d";
    }
}
