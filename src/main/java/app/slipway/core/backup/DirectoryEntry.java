package app.slipway.core.backup;

/**
 * A host directory archived with the stack stopped (PGlite-style data).
 *
 * @param path directory relative to the install directory, as the profile names it
 * @param file tar file name inside the backup folder
 */
public record DirectoryEntry(String path, String file) {}
