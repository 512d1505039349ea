package app.slipway.core.host;

/** What a target knows of a path: kind, POSIX permission bits (e.g. 0600) and size. */
public record FileInfo(boolean directory, int mode, long size) {}
