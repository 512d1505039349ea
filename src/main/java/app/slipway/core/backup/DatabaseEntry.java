package app.slipway.core.backup;

/**
 * The database dump of a backup: which service, database and role it came from, so a restore
 * uses the snapshot's own names rather than whatever the profile says later.
 *
 * @param file dump file name inside the backup folder ({@code pg_dump -Fc})
 */
public record DatabaseEntry(String service, String database, String user, String file) {}
