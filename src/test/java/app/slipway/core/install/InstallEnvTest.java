package app.slipway.core.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ComposeSource;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.SecretKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallEnvTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final InstallSpec spec;

    InstallEnvTest() {
        var env = new LinkedHashMap<String, String>();
        env.put("PORT", "3000");
        env.put("DB", "app");
        var secrets = new LinkedHashMap<String, SecretKind>();
        secrets.put("SECRET_KEY", SecretKind.HEX32);
        secrets.put("DB_PASSWORD", SecretKind.ALNUM32);
        spec = new InstallSpec(ComposeSource.ofPath("compose.yml", Path.of("/p/compose.yml")), env, secrets);
    }

    private InstallEnv.Result merge(String existing, Map<String, String> sets, String to) {
        return InstallEnv.merge(existing, spec, "APP_VERSION", sets, to, RANDOM);
    }

    @Test
    void freshEnvHasDefaultsSetValuesSecretsAndThePin() {
        var sets = new LinkedHashMap<String, String>();
        sets.put("PORT", "18081");
        sets.put("EXTRA", "yes");
        var result = merge("", sets, "2.0.0");
        var values = result.env().values();
        assertEquals(List.of("PORT", "DB", "EXTRA", "SECRET_KEY", "DB_PASSWORD", "APP_VERSION"), List.copyOf(values.keySet()));
        assertEquals("18081", values.get("PORT"), "--set wins over the default");
        assertEquals("app", values.get("DB"));
        assertTrue(values.get("SECRET_KEY").matches("[0-9a-f]{64}"));
        assertTrue(values.get("DB_PASSWORD").matches("[A-Za-z0-9]{32}"));
        assertEquals("2.0.0", values.get("APP_VERSION"));
        assertEquals(List.copyOf(values.keySet()), result.added());
        assertNotEquals(values.get("SECRET_KEY"), merge("", Map.of(), "2.0.0").env().values().get("SECRET_KEY"));
    }

    @Test
    void existingValuesWinByteForByteAndOnlyMissingKeysAreAppended() {
        String existing = "# mine\r\nPORT = \"4000\"  # custom\r\nSECRET_KEY=kept-secret-value\r\nMY_SETTING=keep me # note\r\n"
                + "APP_VERSION=1.0.0\r\n";
        var result = merge(existing, Map.of(), "1.0.0");
        String text = result.env().text();
        assertTrue(text.startsWith(existing), text);
        assertEquals(List.of("DB", "DB_PASSWORD"), result.added());
        assertTrue(text.substring(existing.length()).startsWith("DB=app\r\nDB_PASSWORD="), text);
        assertEquals("kept-secret-value", result.env().get("SECRET_KEY").orElseThrow());
    }

    @Test
    void aReRunWithEverythingPresentChangesNothing() {
        String existing = "PORT=1\nDB=x\nSECRET_KEY=abcd\nDB_PASSWORD=efgh\nAPP_VERSION=1.0.0\nMY_SETTING=keep me # note\n";
        assertEquals(existing, merge(existing, Map.of("PORT", "1"), null).env().text());
        assertEquals(existing, merge(existing, Map.of(), "1.0.0").env().text());
    }

    @Test
    void withoutAVersionThePinIsKept_withOneOnlyThatLineChanges() {
        String existing = "APP_VERSION=1.0.0 # pinned\nSECRET_KEY=abcd\nDB_PASSWORD=efgh\nPORT=1\nDB=x\n";
        assertEquals(existing, merge(existing, Map.of(), null).env().text());
        var pinned = merge(existing, Map.of(), "2.0.0");
        assertEquals(existing.replace("1.0.0", "2.0.0"), pinned.env().text());
        assertEquals(List.of("APP_VERSION"), pinned.changed());
    }

    @Test
    void anEmptySecretIsFilledButASetSecretIsNeverChanged() {
        var filled = merge("SECRET_KEY=\n", Map.of(), "1.0.0");
        assertTrue(filled.env().get("SECRET_KEY").orElseThrow().matches("[0-9a-f]{64}"));
        var e = assertThrows(SlipwayException.class,
                () -> merge("SECRET_KEY=old-secret\n", Map.of("SECRET_KEY", "new-secret"), "1.0.0"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("old-secret") || e.getMessage().contains("new-secret"), e.getMessage());
    }

    @Test
    void setChangesAnExistingOrdinaryKeyButNeverTheVersionVariable() {
        var changed = merge("PORT=1 # port\n", Map.of("PORT", "2"), "1.0.0");
        assertTrue(changed.env().text().startsWith("PORT=2 # port\n"), changed.env().text());
        assertEquals(List.of("PORT"), changed.changed());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class,
                () -> merge("", Map.of("APP_VERSION", "9"), "1.0.0")).exitCode());
    }
}
