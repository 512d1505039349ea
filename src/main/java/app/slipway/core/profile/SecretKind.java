package app.slipway.core.profile;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a generated secret looks (README §Profiles {@code install.secrets}). The hex and base64 kinds take
 * that many random bytes and encode them the way the products' own installers do
 * ({@code openssl rand -hex N}, Node's {@code randomBytes(32).toString("base64")}, and the
 * URL-safe unpadded base64 Appstrate uses for database passwords).
 */
public enum SecretKind {
    /** 16 random bytes as 32 lowercase hex characters ({@code openssl rand -hex 16}). */
    HEX16("hex16"),
    /** 32 random bytes as 64 lowercase hex characters ({@code openssl rand -hex 32}). */
    HEX32("hex32"),
    /** 64 random bytes as 128 lowercase hex characters ({@code openssl rand -hex 64}). */
    HEX64("hex64"),
    /** 32 random bytes, standard base64 with padding: 44 characters ({@code openssl rand -base64 32}). */
    BASE64_32("base64-32"),
    /** 24 random bytes, URL-safe base64 without padding: 32 characters. */
    BASE64URL_24("base64url-24"),
    /** 32 random bytes, URL-safe base64 without padding: 43 characters (Appstrate's bootstrap token). */
    BASE64URL_32("base64url-32"),
    /** 32 characters drawn uniformly from A–Z, a–z and 0–9. */
    ALNUM32("alnum32");

    private static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String id;

    SecretKind(String id) {
        this.id = id;
    }

    /** The name used in profile files, e.g. {@code base64url-24}. */
    public String id() {
        return id;
    }

    /** A fresh secret of this kind. */
    public String generate(SecureRandom random) {
        return switch (this) {
            case HEX16 -> HexFormat.of().formatHex(bytes(random, 16));
            case HEX32 -> HexFormat.of().formatHex(bytes(random, 32));
            case HEX64 -> HexFormat.of().formatHex(bytes(random, 64));
            case BASE64_32 -> Base64.getEncoder().encodeToString(bytes(random, 32));
            case BASE64URL_24 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 24));
            case BASE64URL_32 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 32));
            case ALNUM32 -> alphanumeric(random, 32);
        };
    }

    /** The kind with this profile name, if there is one (exact, case-sensitive match). */
    public static Optional<SecretKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** Every profile name, in declaration order, for error messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SecretKind::id).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return id;
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] b = new byte[count];
        random.nextBytes(b);
        return b;
    }

    private static String alphanumeric(SecureRandom random, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
