package app.slipway.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountsTest {
    @Test
    void readsEveryCountLineAndNothingElse() {
        Map<String, Long> counts = RowCounts.parseAll("""
                slipway-rows 7 "public.a"
                psql: warning: something else
                slipway-rows 1 "s2.\\"Mixed Case\\""
                slipway-rows 12345678901 "public.\\"line\\nbreak\\""
                slipway-rows x "public.bad"
                """);
        assertEquals(List.of("public.a", "s2.\"Mixed Case\"", "public.\"line\nbreak\""), List.copyOf(counts.keySet()));
        assertEquals(12345678901L, counts.get("public.\"line\nbreak\""));
    }
}
