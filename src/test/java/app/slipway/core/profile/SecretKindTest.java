package app.slipway.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SecretKindTest {
    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @CsvSource({
        "hex16,        32,  [0-9a-f]+",
        "hex32,        64,  [0-9a-f]+",
        "hex64,        128, [0-9a-f]+",
        "base64-32,    44,  [A-Za-z0-9+/]{43}=",
        "base64url-24, 32,  [A-Za-z0-9_-]+",
        "base64url-32, 43,  [A-Za-z0-9_-]+",
        "alnum32,      32,  [A-Za-z0-9]+",
    })
    void generatesTheDocumentedLengthAndAlphabet(String id, int length, String alphabet) {
        SecretKind kind = SecretKind.fromId(id).orElseThrow();
        for (int i = 0; i < 50; i++) {
            String secret = kind.generate(random);
            assertEquals(length, secret.length(), id + " length");
            assertTrue(secret.matches(alphabet), id + " alphabet: " + secret);
        }
    }

    @Test
    void base64KindsDecodeToTheirByteCount() {
        assertEquals(32, Base64.getDecoder().decode(SecretKind.BASE64_32.generate(random)).length);
        assertEquals(24, Base64.getUrlDecoder().decode(SecretKind.BASE64URL_24.generate(random)).length);
        assertEquals(32, Base64.getUrlDecoder().decode(SecretKind.BASE64URL_32.generate(random)).length);
    }

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void twoCallsNeverRepeat(SecretKind kind) {
        var seen = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            assertTrue(seen.add(kind.generate(random)), kind + " repeated a value");
        }
        assertNotEquals(kind.generate(random), kind.generate(random));
    }

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void usesTheWholeAlphabetOverManyDraws(SecretKind kind) {
        var chars = new HashSet<Character>();
        for (int i = 0; i < 400; i++) {
            for (char c : kind.generate(random).toCharArray()) chars.add(c);
        }
        int expected = switch (kind) {
            case HEX16, HEX32, HEX64 -> 16;
            case ALNUM32 -> 62;
            case BASE64_32 -> 65; // 64 symbols plus '=' padding
            case BASE64URL_24, BASE64URL_32 -> 64;
        };
        assertEquals(expected, chars.size(), kind + " alphabet coverage");
    }

    @Test
    void profileNamesRoundTrip() {
        assertEquals(List.of("hex16", "hex32", "hex64", "base64-32", "base64url-24", "base64url-32", "alnum32"), SecretKind.ids());
        for (SecretKind kind : SecretKind.values()) {
            assertEquals(Optional.of(kind), SecretKind.fromId(kind.id()));
        }
        assertEquals(Optional.empty(), SecretKind.fromId("HEX16"));
        assertEquals(Optional.empty(), SecretKind.fromId("hex8"));
    }
}
