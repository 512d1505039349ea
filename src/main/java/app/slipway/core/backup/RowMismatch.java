package app.slipway.core.backup;

import java.util.Optional;

/**
 * A table whose rows after a restore drill are not the rows it held when the dump was taken.
 *
 * @param table    {@code schema.table}, quoted as SQL needs
 * @param atDump   its row count in the dump's snapshot; empty when the table was not there then
 * @param restored its row count in the restored copy; empty when the restore did not bring it back
 */
public record RowMismatch(String table, Optional<Long> atDump, Optional<Long> restored) {
    /** {@code public.orders: 50 when dumped, 49 restored} */
    public String describe() {
        return table + ": " + atDump.map(n -> n + " when dumped").orElse("not there when dumped") + ", "
                + restored.map(n -> n + " restored").orElse("not restored");
    }
}
