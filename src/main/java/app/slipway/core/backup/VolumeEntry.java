package app.slipway.core.backup;

/**
 * A volume archive of a backup: the contents of {@code path} inside {@code service}'s container.
 *
 * @param file tar file name inside the backup folder
 */
public record VolumeEntry(String service, String path, String file) {}
