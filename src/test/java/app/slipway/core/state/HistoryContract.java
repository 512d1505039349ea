package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class HistoryContract extends StateFixture {
    static final HistoryEntry UPGRADE = new HistoryEntry("root@laptop", "2026-11-25T12:03:00Z", "upgrade", "1.0.0",
            "2.0.0", HistoryEntry.SUCCEEDED, "20261125T120300Z-1.0.0-to-2.0.0", 83_512, "Strata 2.0.0 is up.");
    static final HistoryEntry ROLLBACK = new HistoryEntry("admin@desk", "2026-11-26T08:00:00Z", "upgrade", "2.0.0",
            "3.0.0", HistoryEntry.ROLLED_BACK, null, 190_004,
            "web did not become healthy:\nline two → café \"quoted\"");

    String history() {
        return dir + "/.slipway/history.jsonl";
    }

    @Test
    void appendsOneLinePerRunAndReadsThemBack() throws Exception {
        assertEquals(List.of(), History.read(target, dir));
        History.append(target, dir, UPGRADE);
        History.append(target, dir, ROLLBACK);
        assertEquals(List.of(UPGRADE, ROLLBACK), History.read(target, dir));

        String text = read(history());
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size(), text);
        assertTrue(text.endsWith("\n"));
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(List.of("who", "when", "command", "from", "to", "result", "backupId", "durationMs", "message"),
                iterable(first.fieldNames()));
        assertEquals("succeeded", first.get("result").asText());
        assertEquals(83_512, first.get("durationMs").asLong());
        assertEquals(0644, mode(history()));
        assertEquals(List.of("history.jsonl"), target.list(dir + "/.slipway"), "no temporary files left");
    }

    @Test
    void appendKeepsEveryEarlierByteAndToleratesATruncatedLine() {
        String old = "{\"who\":\"a@b\",\"when\":\"2026-01-01T00:00:00Z\",\"command\":\"install\",\"from\":null,"
                + "\"to\":\"1.0.0\",\"result\":\"succeeded\",\"backupId\":null,\"durationMs\":5,\"message\":\"ok\","
                + "\"fromAFutureVersion\":[1,2]}\n"
                + "\n"
                + "{ \"who\" : \"c@d\", \"command\" : \"upgrade\", \"result\" : \"failed\" }\r\n"
                + "{\"who\":\"e@f\",\"when\":\"2026-0";
        byte[] oldBytes = old.getBytes(StandardCharsets.UTF_8);
        target.mkdirs(dir + "/.slipway");
        target.writeFileAtomically(history(), oldBytes, 0600);

        List<HistoryEntry> before = History.read(target, dir);
        assertEquals(2, before.size(), before.toString());
        assertEquals(new HistoryEntry("a@b", "2026-01-01T00:00:00Z", "install", null, "1.0.0", "succeeded", null, 5,
                "ok"), before.get(0));
        assertEquals(new HistoryEntry("c@d", null, "upgrade", null, null, "failed", null, 0, null), before.get(1));

        History.append(target, dir, UPGRADE);
        byte[] now = target.readFile(history());
        assertArrayEquals(oldBytes, Arrays.copyOf(now, oldBytes.length), "an earlier byte changed");
        assertEquals('\n', now[oldBytes.length], "the cut line must stay on a line of its own");
        assertEquals(0600, mode(history()), "the file keeps its mode");
        assertEquals(List.of(before.get(0), before.get(1), UPGRADE), History.read(target, dir));

        History.append(target, dir, ROLLBACK);
        byte[] later = target.readFile(history());
        assertArrayEquals(now, Arrays.copyOf(later, now.length));
        assertEquals(List.of(before.get(0), before.get(1), UPGRADE, ROLLBACK), History.read(target, dir));
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        History.append(target, dir, ROLLBACK);
        String text = read(history());
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("→ café"), "UTF-8 is written as is: " + text);
        assertEquals(List.of(ROLLBACK), History.read(target, dir));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        var list = new java.util.ArrayList<String>();
        it.forEachRemaining(list::add);
        return list;
    }
}
