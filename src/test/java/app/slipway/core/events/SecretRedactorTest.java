package app.slipway.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    private final LinkedHashMap<String, String> env = new LinkedHashMap<>();

    SecretRedactorTest() {
        env.put("STRATA_VERSION", "1.4.2");
        env.put("PORT", "3000");
        env.put("DB_PASSWORD", "hunter2hunter2");
        env.put("STRATA_SECRET_KEY_BASE", "a1b2c3d4e5f6a7b8");
        env.put("BETTER_AUTH", "generated-by-profile");
    }

    @Test
    void masksSecretLookingKeysAndProfileSecretsButNotVersionsOrPorts() {
        var redactor = new SecretRedactor(env, Set.of("BETTER_AUTH"));
        String line = "connecting with hunter2hunter2 key a1b2c3d4e5f6a7b8 auth generated-by-profile on 3000 running 1.4.2";
        assertEquals("connecting with ******** key ******** auth ******** on 3000 running 1.4.2", redactor.redact(line));
    }

    @Test
    void wrapsListenersSoNoEventCarriesASecret() {
        var seen = new ArrayList<RunEvent>();
        RunListener listener = new SecretRedactor(env, Set.of()).wrap(seen::add);
        listener.on(new RunEvent.LogLine("db", "FATAL: password hunter2hunter2 rejected"));
        listener.on(new RunEvent.Notice("rolling back; hunter2hunter2"));
        List<String> texts = seen.stream().map(Object::toString).toList();
        texts.forEach(t -> assertFalse(t.contains("hunter2"), t));
        assertInstanceOf(RunEvent.LogLine.class, seen.get(0));
        assertEquals("FATAL: password ******** rejected", ((RunEvent.LogLine) seen.get(0)).line());
    }
}
