package app.slipway.core.backup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database dump of a backup: which service, database and role it came from, so a restore
 * uses the snapshot's own names rather than whatever the profile says later.
 *
 * @param file      dump file name inside the backup folder ({@code pg_dump -Fc})
 * @param rowCounts the rows of every user table ({@code schema.table}, quoted as SQL needs) in the very
 *                  snapshot the dump was taken from — what a restore drill compares against; empty for a
 *                  backup taken without them (an older Slipway, an external database, an image without psql)
 */
public record DatabaseEntry(String service, String database, String user, String file,
                            Optional<Map<String, Long>> rowCounts) {
    public DatabaseEntry {
        rowCounts = rowCounts == null ? Optional.empty()
                : rowCounts.map(counts -> Collections.unmodifiableMap(new LinkedHashMap<>(counts)));
    }

    public DatabaseEntry(String service, String database, String user, String file) {
        this(service, database, user, file, Optional.empty());
    }
}
