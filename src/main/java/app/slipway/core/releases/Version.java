package app.slipway.core.releases;

import app.slipway.core.SlipwayException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver 2.0.0) as products tag it: {@code v1.2.0} and {@code 1.2.0} are the
 * same version (GitHub tags carry the {@code v}, image tags often do not), {@code 1.2} means
 * {@code 1.2.0}. The original text is kept for display and for finding the tag again.
 * Ordering follows semver §11; build metadata is ignored when comparing.
 */
public final class Version implements Comparable<Version> {
    private static final Pattern SEMVER = Pattern.compile(
            "[vV]?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*))?"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    private final String text;
    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> prerelease;

    private Version(String text, BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease) {
        this.text = text;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
    }

    /** Parses a version or tag; bad input (exit 2) with a plain sentence when it is not one. */
    public static Version parse(String text) {
        return tryParse(text).orElseThrow(() -> SlipwayException.badInput("'" + text
                + "' is not a version: use a semantic version such as 1.2.0, v1.2.0 or 1.2.0-beta.1."));
    }

    /** The version, or empty when the text is not one (e.g. a tag such as {@code latest}). */
    public static Optional<Version> tryParse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        // Leading zeros in numeric prerelease identifiers are invalid per semver §9.
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        for (String id : pre) {
            if (isNumeric(id) && id.length() > 1 && id.startsWith("0")) return Optional.empty();
        }
        return Optional.of(new Version(text.trim(), new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                m.group(3) == null ? BigInteger.ZERO : new BigInteger(m.group(3)), pre));
    }

    /** The text as written ({@code v1.2.0}); use it for display and as the tag. */
    public String text() {
        return text;
    }

    /** The canonical form without a leading {@code v} and with the patch ({@code 1.2.0-beta.1}). */
    public String canonical() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(Version o) {
        int c = major.compareTo(o.major);
        if (c == 0) c = minor.compareTo(o.minor);
        if (c == 0) c = patch.compareTo(o.patch);
        if (c != 0) return c;
        // A version without prerelease ranks above any prerelease of it (§11.3).
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    // §11.4: numeric identifiers compare numerically and rank below alphanumeric ones, which compare in ASCII order.
    private static int compareIdentifier(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) return new BigInteger(a).compareTo(new BigInteger(b));
        if (an != bn) return an ? -1 : 1;
        return a.compareTo(b);
    }

    private static boolean isNumeric(String id) {
        return !id.isEmpty() && id.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Same version whatever the spelling ({@code v1.2} equals {@code 1.2.0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
