package app.slipway.core.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The row count of every user table, as psql prints it for {@link #QUERY}: one line per table,
 * {@code slipway-rows <count> <"schema.table" as a JSON string>}. The same query runs on the live
 * database when it is dumped and on the restored copy in a restore drill, so both sides count the
 * same tables the same way.
 */
final class RowCounts {
    static final String MARK = "slipway-rows ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Ordinary tables (partitions included, their parents not: they would count the rows twice),
     * without temporary ones, the catalogs, and tables an extension creates (its own script fills
     * them on restore, not the dump). One statement, no procedural code: it runs in a read-only
     * transaction. {@code query_to_xml} runs each table's {@code count(*)}.
     */
    static final String QUERY = """
            SELECT 'slipway-rows '
                   || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname),
                                                           false, true, '')))[1]::text
                   || ' ' || to_json(format('%I.%I', n.nspname, c.relname))::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relpersistence <> 't'
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY n.nspname, c.relname;
            """;

    private RowCounts() {}

    /** The count of one line of the query's output; empty for any other line. */
    static Optional<Map.Entry<String, Long>> parse(String line) {
        if (!line.startsWith(MARK)) return Optional.empty();
        String rest = line.substring(MARK.length());
        int space = rest.indexOf(' ');
        if (space <= 0) return Optional.empty();
        try {
            long count = Long.parseLong(rest.substring(0, space));
            String table = JSON.readValue(rest.substring(space + 1), String.class);
            return Optional.of(Map.entry(table, count));
        } catch (NumberFormatException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Every count in psql's output, in its order (the query sorts by schema and table). */
    static Map<String, Long> parseAll(String output) {
        var counts = new LinkedHashMap<String, Long>();
        output.lines().map(RowCounts::parse).flatMap(Optional::stream).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
